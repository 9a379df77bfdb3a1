// What the README and docs/ tell users holds: the files they name exist, and the flag table is
// the flag table the command reads.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPTIONS, type FlagOption } from '../src/cli/options.js';
import { ROOT, userDocs } from './helpers.js';

// Written on another branch that has not landed yet (docs/security.md: issue 14's); remove an
// entry once its file is on main.
const PENDING = ['docs/security.md'];
const TOP_LEVEL = readdirSync(ROOT).filter((name) => !['node_modules', 'dist', '.git'].includes(name));

describe('README and docs/', () => {
  it('name only files and folders that exist in the repository (issue 13, 13)', () => {
    const missing: string[] = [];
    for (const [page, text] of userDocs()) {
      // `fixtures/plugins/`, `.dmlintrc.example.json`: code spans whose first part is a top-level entry.
      for (const [, span] of text.matchAll(/`([^`\s]+)`/g)) {
        const first = span!.split('/')[0]!;
        if (!TOP_LEVEL.includes(first) || /[*<>{}]/.test(span!)) continue;
        if (!existsSync(path.join(ROOT, span!))) missing.push(`${page}: \`${span}\``);
      }
      // [label](relative/link.md), outside code: relative to the page.
      const prose = text.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`]*`/g, '');
      for (const [, target] of prose.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        if (/^[a-z]+:/.test(target!)) continue;
        const file = path.posix.join(path.posix.dirname(page), target!);
        if (!existsSync(path.join(ROOT, file)) && !PENDING.includes(file)) missing.push(`${page}: (${target})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('the worked plugin example comes with the config that lists it, as the docs say', () => {
    const docs = userDocs().map(([, text]) => text).join('\n');
    expect(docs).toMatch(/`fixtures\/plugins\/`[^.]*worked example: the plugin `house-style\.mjs`, and the `\.dmlintrc\.json`/);
    const config = JSON.parse(readFileSync(path.join(ROOT, 'fixtures/plugins/.dmlintrc.json'), 'utf8'));
    expect(config.plugins).toEqual(['./house-style.mjs']);
  });

  it('list every flag of the command, and no other, in the flag table', () => {
    const table = userDocs()
      .map(([, text]) => /^\| flag \| meaning \|\n\| --- \| --- \|\n((?:\|.*\n)+)/m.exec(text)?.[1])
      .find((found) => found !== undefined);
    expect(table, 'a "| flag | meaning |" table').toBeDefined();
    const documented = new Set<string>();
    for (const row of table!.split('\n')) {
      const cell = row.split(/(?<!\\)\|/)[1] ?? '';
      for (const [flag] of cell.matchAll(/(?<![\w-])--?[a-z][a-z-]*/g)) documented.add(flag);
    }
    const expected = new Set<string>();
    for (const [name, option] of Object.entries(OPTIONS as Record<string, FlagOption>)) {
      expected.add(name === 'ignore' ? '--no-ignore' : `--${name}`);
      if (name === 'color') expected.add('--no-color');
      if (option.short) expected.add(`-${option.short}`);
    }
    expect([...documented].sort()).toEqual([...expected].sort());
  });
});
