// Properties over any text, with fast-check: linting never throws, positions stay in the file,
// the JSON report round-trips, fixes are idempotent and never touch text outside their range.
// The inputs of a hostile repository are fuzzed too (issue 14): pathological drafts, file names
// (every report format and stderr), and config files. FC_RUNS raises the number of cases
// (npm run test:fuzz runs many more).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { setupFor, toReported } from '../src/api/lint.js';
import { resolveConfig } from '../src/api/config.js';
import { applyFixes, lintAndFix } from '../src/engine/fix.js';
import { lintSource } from '../src/engine/lint.js';
import { computeLineStarts, positionAt } from '../src/draft/source.js';
import { ROOT, tempProject } from './helpers.js';
import { loadConfig } from '../src/api/config.js';
import { ConfigError } from '../src/config/errors.js';
import { main } from '../src/cli/main.js';
import * as formatters from '../src/api/formatters.js';
import { summarise } from '../src/report/summary.js';
import type { FileResult } from '../src/types.js';

const RUNS = Number(process.env.FC_RUNS ?? 300);
const config = await resolveConfig(
  { phrases: [{ id: 'house/plain', match: ['circle back', 'synergy'], replace: 'follow up', message: 'Plainly' }] },
  path.join(ROOT, 'x.json'),
  ROOT,
);
const setup = setupFor(config, path.join(ROOT, 'draft.md'));

// Text made of the pieces drafts are made of, so the generator reaches the interesting paths.
const piece = fc.constantFrom(
  '---\n', 'platform: twitter\n', 'platform: facebook\n', 'platform: linkedin\nkind: inmail\n', 'audience: cold\n', 'locale: fr\n',
  '<!-- dmlint-draft platform=twitter -->\n', '<!-- dmlint-draft platform=linkedin subject="S" -->\n', '<!-- dmlint-disable -->', '<!-- dmlint-enable no-shouting -->',
  '<!--', '-->', '{{first_name}}', '{{ company }}', '{{', '}}', '{', '}', '!!', '?!?', 'BUY NOW', 'limited time offer', 'circle back', 'synergy',
  'https://example.com/a?b=c', 'www.example.fr', '[label](https://x.co)', '**', '_', '`', '```\n', '> ', '- ', '1. ', '# ', '\n', '\r\n', '\r', '\n\n',
  ' ', '\t', '\\', '&amp;', '&eacute;', 'é', 'é', '😀', '👨‍👩‍👧‍👦', '故人', '\u0000', '\u001b[31m', '\uFEFF', '\u202E', '\uD800',
  'Hi', 'Bonjour', 'vous', 'you save 20%', 'Want it?',
);
const draftText = fc.oneof(fc.array(piece, { maxLength: 40 }).map((parts) => parts.join('')), fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 100 }));

describe('properties of linting any text', () => {
  it('never throws, and every diagnostic lies inside the file with its end not before its start', () => {
    fc.assert(
      fc.property(draftText, (text) => {
        const { file, result } = lintSource('draft.md', text, setup);
        const lines = computeLineStarts(file.source);
        const last = positionAt(lines, file.source.length);
        for (const d of result.diagnostics) {
          expect(d.offset).toBeGreaterThanOrEqual(0);
          expect(d.endOffset).toBeLessThanOrEqual(file.source.length);
          expect(d.endOffset).toBeGreaterThanOrEqual(d.offset);
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.endLine > d.line || (d.endLine === d.line && d.endColumn >= d.column)).toBe(true);
          expect(d.endLine <= last.line).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('gives a JSON report that round-trips', () => {
    fc.assert(
      fc.property(draftText, (text) => {
        const reported = toReported(lintSource('draft.md', text, setup).result);
        expect(JSON.parse(JSON.stringify(reported))).toEqual(reported);
      }),
      { numRuns: RUNS },
    );
  });

  it('fixes twice equals fixing once', () => {
    fc.assert(
      fc.property(draftText, (text) => {
        const once = lintAndFix('draft.md', text, setup).output ?? text;
        const twice = lintAndFix('draft.md', once, setup).output ?? once;
        expect(twice).toBe(once);
      }),
      { numRuns: RUNS },
    );
  });

  it('a fix never touches text outside its range', () => {
    fc.assert(
      fc.property(draftText, (text) => {
        const { file, result } = lintSource('draft.md', text, setup);
        for (const diagnostic of result.diagnostics.filter((d) => d.fix)) {
          const { range, text: replacement } = diagnostic.fix!;
          const { text: fixed } = applyFixes(file.source, [diagnostic]);
          expect(fixed.slice(0, range.start)).toBe(file.source.slice(0, range.start));
          expect(fixed.slice(range.start + replacement.length)).toBe(file.source.slice(range.end));
        }
      }),
      { numRuns: RUNS },
    );
  });
});

// Input shaped as the rows of issue 14: runs of one unit, nested, repeated past the limits.
const unit = fc.constantFrom('> ', '- ', '  - ', '1. ', '{{', '}}', '{', '`', '``', '*', '_', '**a', '[', ']', '[a](', '<', '<!--', '-->', '&#', '!', '?!', 'A ', 'a ', '\n', '\n\n', 'é', 'e\u0301', '\u202E');
// Each case may take up to about a second (the parser near the limits): time for the runs asked.
const SLOW = Math.max(60_000, RUNS * 200);
const pathological = fc
  .tuple(fc.array(fc.tuple(unit, fc.integer({ min: 1, max: 6000 })), { minLength: 1, maxLength: 4 }), fc.constantFrom('', '---\nplatform: twitter\n---\n', '<!-- dmlint-draft platform=facebook -->\n'))
  .map(([runs, head]) => head + runs.map(([text, times]) => text.repeat(times)).join(''));

describe('properties of hostile drafts', () => {
  it('pathological input (deep nesting, runs of markup) is linted or skipped with a diagnostic, never thrown on', () => {
    fc.assert(
      fc.property(pathological, (text) => {
        const { file, result } = lintSource('draft.md', text, setup);
        for (const d of result.diagnostics) {
          expect(d.offset).toBeGreaterThanOrEqual(0);
          expect(d.endOffset).toBeLessThanOrEqual(file.source.length);
        }
        // Nothing is dropped in silence: a file with no draft left says why.
        if (file.drafts.length === 0) expect(result.diagnostics.map((d) => d.ruleId)).toContain('skipped-draft');
      }),
      { numRuns: Math.min(500, Math.max(20, Math.round(RUNS / 10))) },
    );
  }, SLOW);

  it('fixes on pathological input settle: twice equals once', () => {
    fc.assert(
      fc.property(pathological, (text) => {
        const once = lintAndFix('draft.md', text, setup).output ?? text;
        expect(lintAndFix('draft.md', once, setup).output ?? once).toBe(once);
      }),
      { numRuns: Math.min(250, Math.max(10, Math.round(RUNS / 20))) },
    );
  }, SLOW);
});

// Names and text from a repository: anything a file system allows, and worse.
const hostileText = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.constantFrom('\n', '\r', '%', '::', '::error file=x::', '::add-mask::', ',', ':', '\u001b[2J', '\u001b]0;t\u0007', '\u009b', '\u202e', '<', '&', '"', "'", '\u0000', '\uFFFE', '\uD800', 'a.md', ' '), { maxLength: 12 }).map((parts) => parts.join('')),
);

function resultNamed(name: string, message: string, ruleId: string): FileResult {
  const diagnostic = { ruleId, severity: 'warning' as const, message, line: 1, column: 1, endLine: 1, endColumn: 2, draft: 0, fixable: false, offset: 0, endOffset: 1 };
  return { path: name, drafts: [], diagnostics: [diagnostic], errorCount: 0, warningCount: 1, fixableCount: 0 };
}
// C0 and C1 controls, DEL and bidirectional overrides: none may reach a terminal raw.
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('properties of file names and messages in every format', () => {
  it('stylish and compact escape controls; github lines are whole commands; junit is XML; json and sarif keep the text', () => {
    fc.assert(
      fc.property(hostileText, hostileText, hostileText, (name, message, ruleId) => {
        const results = [resultNamed(name || 'x', message, ruleId || 'r')];
        const context = { cwd: ROOT, color: false, summary: summarise(results) };
        for (const format of ['stylish', 'compact'] as const) {
          const text = formatters[format](results, context);
          expect(text).not.toMatch(RAW_CONTROL);
        }
        // One problem, one line: a newline in a name or message cannot start a workflow command.
        const github = formatters.github(results, context).split('\n').filter(Boolean);
        expect(github).toHaveLength(1);
        expect(github[0]).toMatch(/^::warning file=[^\r]*::/);
        expect(github[0]).not.toMatch(RAW_CONTROL);
        expect(XMLValidator.validate(formatters.junit(results, context))).toBe(true);
        expect(JSON.parse(formatters.json(results, context)).files[0].path).toBe(name || 'x');
        expect(JSON.parse(formatters.sarif(results, context)).runs[0].results[0].message.text).toBe(message);
      }),
      { numRuns: RUNS },
    );
  });

  it('a draft file of any name: stdout and stderr carry no raw control and no injected command', async () => {
    // Names a file system accepts: no "/" or NUL, at most 200 UTF-16 units.
    const fileName = hostileText.map((text) => text.replace(/[\/\u0000]/g, '_').slice(0, 200)).filter((name) => name !== '' && name !== '.' && name !== '..');
    await fc.assert(
      fc.asyncProperty(fileName, fc.boolean(), async (name, broken) => {
        const dir = tempProject({});
        writeFileSync(path.join(dir, name), broken ? Buffer.from([0xff, 0xfe]) : '---\nplatform: facebook\n---\nHi!!\n');
        for (const format of ['github', 'stylish']) {
          let stdout = '';
          let stderr = '';
          const io = { stdout: { write: (text: string | Uint8Array) => (stdout += String(text)) }, stderr: { write: (text: string) => (stderr += text) }, cwd: dir, env: {}, readStdin: async () => '' };
          // ./ first, so a name that starts with a dash is a path, not a flag.
          await main([`./${name}`, '-f', format, '--concurrency', 'off'], io);
          expect(stderr).not.toMatch(RAW_CONTROL);
          expect(stdout).not.toMatch(RAW_CONTROL);
          for (const line of stderr.split('\n').filter(Boolean)) expect(line.startsWith('dmlint: ')).toBe(true);
          if (format === 'github') for (const line of stdout.split('\n').filter(Boolean)) expect(line).toMatch(/^::(warning|error) file=/);
        }
      }),
      { numRuns: Math.min(1000, Math.max(20, Math.round(RUNS / 10))) },
    );
  });
});

// Config files written by a stranger: any shape, any key, paths and URLs to code elsewhere.
const outside = tempProject({}, 'dmlint-fuzz-outside-');
const MARKER = path.join(outside, 'RAN');
writeFileSync(path.join(outside, 'evil.mjs'), `import { writeFileSync } from 'node:fs'; writeFileSync(${JSON.stringify(MARKER)}, 'x'); export const rules = [];\n`);
writeFileSync(path.join(outside, 'evil.json'), JSON.stringify({ plugins: ['./evil.mjs'] }));
const codePath = fc.constantFrom(
  path.join(outside, 'evil.mjs'), path.join(outside, 'evil.json'), '../' + path.basename(outside) + '/evil.mjs', `file://${outside}/evil.mjs`,
  `data:text/javascript,import("${outside}/evil.mjs")`, './evil-link.mjs', 'dmlint:recommended', 'dmlint:nope', '', '.', '..', '/', 'node:fs',
);
const configValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), fc.constant(null), codePath, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 10 }), tie('value'), { maxKeys: 3 })),
})).value;
const configObject = fc.dictionary(
  fc.oneof(fc.constantFrom('extends', 'plugins', '$import', 'rules', 'defaults', 'phrases', 'overrides', 'ignores', 'placeholders', '__proto__', 'constructor'), fc.string({ maxLength: 8 })),
  fc.oneof(configValue, codePath, fc.array(codePath, { maxLength: 2 })),
  { maxKeys: 4 },
);

describe('properties of config files', () => {
  it('any JSON, YAML or package.json config loads or fails with a ConfigError, and never imports code from outside the project', async () => {
    await fc.assert(
      fc.asyncProperty(configObject, fc.constantFrom('.dmlintrc.json', '.dmlintrc.yaml', '.dmlintrc', 'package.json'), fc.boolean(), async (config, name, bom) => {
        const dir = tempProject({});
        const { symlinkSync } = await import('node:fs');
        symlinkSync(path.join(outside, 'evil.mjs'), path.join(dir, 'evil-link.mjs'));
        const text = name === 'package.json' ? JSON.stringify({ name: 'x', dmlint: config }) : JSON.stringify(config);
        writeFileSync(path.join(dir, name), `${bom ? '\uFEFF' : ''}${text}`);
        try {
          await loadConfig({ cwd: dir });
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigError);
        }
        expect(existsSync(MARKER)).toBe(false);
      }),
      { numRuns: Math.min(2000, Math.max(30, Math.round(RUNS / 3))) },
    );
  });

  it('any YAML text, aliases included, loads or fails with a ConfigError', async () => {
    const yamlPiece = fc.constantFrom('a: &a [x, x, x, x, x, x, x, x, x]\n', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n', 'c: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n', 'defaults: *b\n', 'rules: *a\n', '$import: x.mjs\n', 'extends: [', '- ', '  ', '\uFEFF', '%YAML 1.2\n---\n', '!!js/function f\n', '? ', ': ', '"', '\n');
    await fc.assert(
      fc.asyncProperty(fc.array(yamlPiece, { maxLength: 10 }).map((parts) => parts.join('')), async (text) => {
        const dir = tempProject({});
        mkdirSync(path.join(dir, 'sub'));
        writeFileSync(path.join(dir, '.dmlintrc.yaml'), text);
        try {
          await loadConfig({ cwd: path.join(dir, 'sub') });
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigError);
        }
      }),
      { numRuns: Math.min(2000, Math.max(30, Math.round(RUNS / 3))) },
    );
  });
});
