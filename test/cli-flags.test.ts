// The flag parser: every flag read as the table in src/cli/options.ts says, every refusal one
// line that names the flag. The end-to-end checks run the built binary.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../src/cli/args.js';
import { OPTIONS } from '../src/cli/options.js';
import { ROOT, tempProject } from './helpers.js';

const BIN = path.join(ROOT, 'bin/dmlint.js');
const run = (args: string[], cwd: string) => {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};
const args = (argv: string[]) => {
  const outcome = parseArgs(argv);
  if (outcome.kind !== 'run') throw new Error(`not a run: ${JSON.stringify(outcome)}`);
  return outcome.args;
};
const refusal = (argv: string[]) => {
  const outcome = parseArgs(argv);
  if (outcome.kind !== 'refuse') throw new Error(`not refused: ${argv.join(' ')}`);
  return outcome.message;
};

const tweet = '---\nplatform: twitter\naudience: follower\n---\n';
const project = () =>
  tempProject({
    'drafts/a.md': `${tweet}Hi {{first_name}}, THANKS for the follow! Any questions?\n`,
    'drafts/b.md': `${tweet}Hi {{first_name}}, the guide is out. Want it?\n`,
    'drafts/c.md': `${tweet}Hi {{first_name}}, read it NOW! Want it?\n`,
  });

describe('paths', () => {
  it('reads everything after -- as a path, even names that start with a dash (issue 13, 1)', () => {
    expect(args(['--', 'drafts/a.md']).paths).toEqual(['drafts/a.md']);
    expect(args(['-q', 'a.md', '--', '-b.md', '--fix']).paths).toEqual(['a.md', '-b.md', '--fix']);
    expect(args(['-q', 'a.md', '--', '-b.md', '--fix']).fix).toBe(false);
    const dir = project();
    const report = JSON.parse(run(['-f', 'json', '--', 'drafts/a.md'], dir).stdout);
    expect(report.files.map((f: { path: string }) => f.path)).toEqual(['drafts/a.md']);
  });

  it('takes flags before and after paths alike', () => {
    expect(args(['a.md', '-f', 'json', 'b.md', '--quiet'])).toMatchObject({ paths: ['a.md', 'b.md'], format: 'json', quiet: true });
  });
});

describe('--rule', () => {
  it('takes one value, so a path after it stays a path (issue 13, 2)', () => {
    expect(args(['--rule', 'no-shouting: off', 'drafts/a.md'])).toMatchObject({ rule: ['no-shouting: off'], paths: ['drafts/a.md'] });
    const dir = project();
    const result = run(['--rule', 'no-shouting: off', 'drafts/a.md', '-f', 'compact'], dir);
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it("adds up when repeated, and takes ESLint's JSON object form", () => {
    expect(args(['--rule', 'a: off', '--rule=b: warn']).rule).toEqual(['a: off', 'b: warn']);
    const dir = project();
    expect(run(['drafts', '-f', 'compact'], dir).stdout).toMatch(/\[no-shouting\]/);
    expect(run(['--rule', '{"no-shouting":"off"}', 'drafts', '-f', 'compact'], dir)).toMatchObject({ code: 0, stdout: '' });
    expect(run(['--rule', '{"no-shouting": "off", "call-to-action": ["error"]}', 'drafts/c.md', '-f', 'compact'], dir).stdout).toBe('');
    const strict = run(['drafts/a.md', '--rule', '{"no-shouting": "error"}', '-f', 'compact'], dir);
    expect(strict).toMatchObject({ code: 1, stdout: 'drafts/a.md:5:20: error: "THANKS" is in capitals: it reads as shouting [no-shouting]\n' });
  });

  it('refuses a value it cannot read in one line naming the accepted forms', () => {
    const dir = project();
    for (const value of ['no-shouting', '{"no-shouting": off}', '["no-shouting"]', ': off', 'no-shouting: [error']) {
      const result = run(['drafts', '--rule', value], dir);
      expect(result.code, value).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^dmlint: --rule "[^\n]*": [^\n]*; expected 'ID: SEVERITY', 'ID: \["error", \{options\}\]' or '\{"ID": SEVERITY, \.\.\.\}'\n$/);
    }
    expect(run(['drafts', '--rule', '{"no-shoutin": "off"}'], dir)).toMatchObject({
      code: 2,
      stderr: 'dmlint: --rule: no-shoutin: unknown rule "no-shoutin" (did you mean "no-shouting"?)\n',
    });
  });
});

describe('--max-warnings', () => {
  it('refuses anything but a whole number, so the check is never off by accident (issue 13, 3)', () => {
    const dir = project();
    for (const value of ['abc', '1.5', '-2', '1e3', '0x10', '+1', ' 1']) {
      expect(run(['drafts', '--max-warnings', value], dir), value).toMatchObject({
        code: 2,
        stdout: '',
        stderr: `dmlint: --max-warnings "${value}": expected a whole number, 0 or more (-1: no limit)\n`,
      });
    }
    expect(run(['drafts', '--max-warnings'], dir)).toMatchObject({ code: 2, stderr: 'dmlint: --max-warnings needs a value: a whole number, 0 or more (-1: no limit)\n' });
    expect(run(['drafts', '--max-warnings='], dir).stderr).toBe('dmlint: --max-warnings needs a value: a whole number, 0 or more (-1: no limit)\n');
  });

  it('counts: 1 warning over 0 exits 1, -1 is no limit', () => {
    const dir = project();
    expect(run(['drafts/a.md', '--max-warnings', '0'], dir)).toMatchObject({ code: 1, stderr: 'dmlint: 1 warning exceeds --max-warnings 0\n' });
    expect(run(['drafts/a.md', '--max-warnings', '1'], dir).code).toBe(0);
    expect(run(['drafts/a.md', '--max-warnings', '-1'], dir).code).toBe(0);
    expect(run(['drafts/a.md', '--max-warnings=-1'], dir).code).toBe(0);
  });
});

describe('unknown flags', () => {
  it('are named once, as typed, with the nearest flag (issue 13, 10)', () => {
    expect(refusal(['--suppress-everything', 'drafts'])).toBe('unknown flag --suppress-everything (dmlint --help lists the flags)');
    expect(refusal(['--quite'])).toBe('unknown flag --quite: did you mean --quiet? (dmlint --help lists the flags)');
    expect(refusal(['--no-ignor'])).toBe('unknown flag --no-ignor: did you mean --ignore? (dmlint --help lists the flags)');
    expect(refusal(['-qz'])).toBe('unknown flag -z (dmlint --help lists the flags)');
    expect(refusal(['--constructor'])).toBe('unknown flag --constructor (dmlint --help lists the flags)');
    const dir = project();
    expect(run(['--suppress-everything', 'drafts'], dir)).toMatchObject({ code: 2, stdout: '', stderr: 'dmlint: unknown flag --suppress-everything (dmlint --help lists the flags)\n' });
    expect(refusal(['--suppress-al'])).toBe('unknown flag --suppress-al: did you mean --suppress-all? (dmlint --help lists the flags)');
  });
});

describe('-v and -h', () => {
  it('-v prints the version, as in ESLint (issue 13, 15)', () => {
    const dir = project();
    const version = run(['-v'], dir);
    expect(version).toMatchObject({ code: 0, stderr: '' });
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(run(['--version'], dir).stdout).toBe(version.stdout);
  });

  it('--help and -h list every flag of the table, with what each accepts', () => {
    const dir = project();
    const help = run(['-h'], dir);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    for (const [name, option] of Object.entries(OPTIONS)) {
      expect(help.stdout).toContain(name === 'ignore' ? '--no-ignore' : `--${name}`);
      if ('short' in option) expect(help.stdout).toContain(`-${option.short}, --${name}`);
      if ('accepts' in option) expect(help.stdout).toContain(option.accepts);
    }
    expect(run(['--help'], dir).stdout).toBe(help.stdout);
  });
});

describe('values', () => {
  it('keeps the last value of a flag given twice, as ESLint does', () => {
    expect(args(['-f', 'json', '--format', 'sarif']).format).toBe('sarif');
    expect(args(['--color', '--no-color']).color).toBe(false);
  });

  it('refuses a missing value, a flag taken for a value, and --no- on a flag with a value', () => {
    const formats = "one of stylish, compact, json, sarif, github, junit, html, markdown, a formatter module's path, or an installed formatter package";
    expect(refusal(['--format'])).toBe(`--format needs a value: ${formats}`);
    expect(refusal(['-f', '--quiet'])).toBe(`-f needs a value (--quiet is a flag): ${formats}`);
    expect(refusal(['--format='])).toBe(`--format needs a value: ${formats}`);
    expect(refusal(['--no-format'])).toBe(`--no-format: --format takes a value (${formats}) and has no --no- form`);
    // Any other name is a formatter module's, loaded (or not found) when the run starts.
    expect(args(['-f', './tools/csv.mjs']).format).toBe('./tools/csv.mjs');
    expect(args(['-f', 'acme']).format).toBe('acme');
    expect(refusal(['--fix=yes'])).toBe('--fix takes no value (got "yes"): write --fix or --no-fix');
    expect(args(['--fix=true']).fix).toBe(true);
    expect(args(['--no-ignore']).ignore).toBe(false);
  });

  it('refuses flags that cannot go together', () => {
    expect(refusal(['--fix', '--fix-dry-run'])).toBe('--fix and --fix-dry-run cannot be used together: --fix-dry-run shows what --fix would write');
    expect(refusal(['--list-rules', 'a.md'])).toBe('--list-rules lists the rules and lints nothing: remove the path (a.md)');
    expect(refusal(['--init', '--print-config', 'a.md'])).toBe('--init and --print-config cannot be used together: give one of them');
    expect(refusal(['--stdin-filename', 'a.md'])).toBe('--stdin-filename names standard input: it goes with --stdin');
    expect(refusal(['--explain', '--list-rules'])).toBe('--list-rules and --explain cannot be used together: give one of them');
    expect(refusal(['a.md', '--explain', '--fix'])).toBe('--explain prints how the judgment rules weigh the drafts of the files named, and changes nothing: not with --fix');
    expect(refusal(['--explain', '--stdin'])).toBe('--explain prints how the judgment rules weigh the drafts of the files named, and changes nothing: not with --stdin');
    expect(refusal(['a.md', '--explain', '-f', 'sarif'])).toBe('--explain prints text, or JSON with -f json: not -f sarif');
    expect(args(['a.md', '--explain', '-f', 'json']).explain).toBe(true);
    expect(refusal(['--suppress-all', '--suppress-rule', 'no-shouting'])).toBe('--suppress-all and --suppress-rule cannot be used together: record or prune, one at a time');
    expect(refusal(['--suppress-rule', 'no-shouting', '--prune-suppressions'])).toBe('--suppress-rule and --prune-suppressions cannot be used together: record or prune, one at a time');
    expect(refusal(['--prune-suppressions', '--fix-dry-run'])).toBe('--prune-suppressions writes the suppressions file from what a run over files finds: not with --fix-dry-run');
    expect(args(['--suppress-rule', 'no-shouting', '--suppress-rule', 'no-excessive-punctuation']).suppressRule).toEqual(['no-shouting', 'no-excessive-punctuation']);
  });
});
