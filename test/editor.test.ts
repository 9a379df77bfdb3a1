// The VS Code task in docs/integrations.md: its problem matcher, run over real compact output.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempProject } from './helpers.js';

interface Matcher {
  regexp: string;
  file: number;
  line: number;
  column: number;
  severity: number;
  message: number;
  code: number;
}

function readmeMatcher(): Matcher {
  const page = readFileSync(path.join(ROOT, 'docs/integrations.md'), 'utf8');
  const block = [...page.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!).find((json) => json.includes('problemMatcher'));
  expect(block, 'docs/integrations.md shows a tasks.json with a problem matcher').toBeDefined();
  const tasks = JSON.parse(block!) as { tasks: { command: string; problemMatcher: { pattern: Matcher } }[] };
  expect(tasks.tasks[0]!.command).toContain('--format compact');
  return tasks.tasks[0]!.problemMatcher.pattern;
}

describe('VS Code problem matcher', () => {
  it('reads every field of real compact output, columns in UTF-16 units after emoji', () => {
    const pattern = readmeMatcher();
    const dir = tempProject({ 'drafts/launch day.md': '---\nplatform: facebook\naudience: customer\n---\nHi 👋🏽 {{first_name}!! Ready?\n' });
    const out = spawnSync(process.execPath, [path.join(ROOT, 'bin/dmlint.js'), '--format', 'compact'], { cwd: dir, encoding: 'utf8' }).stdout;
    const regexp = new RegExp(pattern.regexp);
    const problems = out.trimEnd().split('\n').map((line) => {
      const m = regexp.exec(line);
      expect(m, line).not.toBeNull();
      return { file: m![pattern.file], line: Number(m![pattern.line]), column: Number(m![pattern.column]), severity: m![pattern.severity], message: m![pattern.message], code: m![pattern.code] };
    });
    // "Hi " is 3 units, the waving hand with a skin tone 4, a space 1: the field starts at column 9.
    expect(problems).toEqual([
      { file: 'drafts/launch day.md', line: 5, column: 9, severity: 'error', message: 'Placeholder "{{first_name}" is missing a closing brace: write {{first_name}}', code: 'placeholder-syntax' },
      { file: 'drafts/launch day.md', line: 5, column: 22, severity: 'warning', message: '"!!": one "!" is enough', code: 'no-excessive-punctuation' },
    ]);
  });
});
