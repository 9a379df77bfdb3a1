// The command-line contract, as a table: every flag alone and with a path before and after it,
// with good and bad values (missing, empty, wrong, negative, negated, repeated, after `--`), and
// each run that reports combined with the machine formats. Every run is held to what README.md
// promises: exit 0, 1 or 2; a refusal is exit 2, nothing on stdout and one line on stderr naming
// the flag and what it accepts; json, sarif and junit leave stdout parseable (html, markdown and a
// formatter module of the user's are checked as formats); stderr lines start with "dmlint: ".
//
// The table runs in-process through main() (a few milliseconds a run instead of ~100 for a
// process), and a representative set (each flag's first good and first bad value, with a path
// after it) also runs the built binary, bin/dmlint.js, which must answer exactly as main() did.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { OPTIONS } from '../src/cli/options.js';
import { ROOT, tempProject } from './helpers.js';

const BIN = path.join(ROOT, 'bin/dmlint.js');
const tweet = '---\nplatform: twitter\naudience: follower\n---\n';
const SHOUTY = `${tweet}Hi {{first_name}}, THANKS for the follow!! Want the guide?\n`;
const FILES = {
  'good.md': `${tweet}Hi {{first_name}}, thanks for the follow! Want the guide?\n`,
  // Two warnings, one of them fixable; no error.
  'warn.md': SHOUTY,
  'archive/old.md': SHOUTY,
  '.gitignore': 'archive/\n',
  'alt.json': JSON.stringify({ rules: { 'no-shouting': 'off' } }),
  // A formatter of the user's, by path.
  'tools/paths.mjs': 'export default (results) => results.map((result) => `${result.path}: ${result.diagnostics.length}`).join("\\n") + "\\n";\n',
  // A suppressions file (read only when named) with an entry that no longer occurs.
  'stale.json': `${JSON.stringify({ 'warn.md': { 'placeholder-syntax': { count: 1, fingerprints: [] } } })}\n`,
};
const PATH = 'warn.md';
const STDIN = SHOUTY;

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

type Check = (outcome: Outcome, dir: string) => void;

interface Expect {
  /** A refusal: exit 2, stdout empty, one stderr line containing each of these. */
  refuse?: string[];
  /** Exit code of a run that is not refused (default 0). */
  code?: number;
  check?: Check;
  /** The run writes a report to stdout that machine formats must keep parseable (default true). */
  report?: boolean;
}

interface Variant {
  args: string[];
  expect: Expect;
  /** Where the variant runs: alone, and with a path before and after (default all three). */
  positions?: ('alone' | 'before' | 'after')[];
  stdin?: boolean;
  /** Runs only as a process (worker threads need the built files). */
  binaryOnly?: boolean;
}

interface Case {
  name: string;
  argv: string[];
  expect: Expect;
  stdin?: boolean;
  binaryOnly?: boolean;
}

const accepts = (flag: keyof typeof OPTIONS) => (OPTIONS[flag] as { accepts?: string }).accepts!;
const refuse = (...parts: string[]): Expect => ({ refuse: parts });
const json = (stdout: string) => JSON.parse(stdout) as { files: { path: string; diagnostics: { ruleId: string; severity: string }[]; drafts: { locale: string; localeSource: string; platform: string }[] }[] };
const rulesIn = (stdout: string) => json(stdout).files.flatMap((file) => file.diagnostics.map((d) => d.ruleId));

/** A flag that takes a value: the refusals every such flag shares. */
function valueRefusals(flag: keyof typeof OPTIONS): Variant[] {
  const option = OPTIONS[flag] as { short?: string };
  return [
    { args: [`--${flag}`], expect: refuse(`--${flag} needs a value`, accepts(flag)), positions: ['alone', 'before'] },
    { args: [`--${flag}=`], expect: refuse(`--${flag} needs a value`, accepts(flag)) },
    { args: [`--${flag}`, '--quiet'], expect: refuse(`--${flag} needs a value (--quiet is a flag)`, accepts(flag)) },
    { args: [`--no-${flag}`], expect: refuse(`--no-${flag}`, `--${flag} takes a value`, accepts(flag)) },
    ...(option.short ? [{ args: [`-${option.short}`], expect: refuse(`-${option.short} needs a value`, accepts(flag)), positions: ['alone' as const] }] : []),
  ];
}

/** A flag without a value: on, off, and values it refuses. */
function booleanVariants(flag: keyof typeof OPTIONS, on: Expect, off: Expect = {}): Variant[] {
  const option = OPTIONS[flag] as { short?: string };
  return [
    { args: [`--${flag}`], expect: on },
    { args: [`--no-${flag}`], expect: off },
    { args: [`--${flag}=true`], expect: on },
    { args: [`--${flag}=false`], expect: off },
    { args: [`--${flag}`, `--${flag}`], expect: on },
    { args: [`--${flag}=yes`], expect: refuse(`--${flag} takes no value (got "yes")`, `--${flag} or --no-${flag}`) },
    ...(option.short ? [{ args: [`-${option.short}`], expect: on }] : []),
  ];
}

const stylishHas = (text: string): Check => ({ stdout }) => expect(stdout).toContain(text);
const noWarnings: Check = ({ stdout }) => expect(stdout).not.toMatch(/^\s+\d+:\d+\s+warning/m);

const FLAGS: Record<string, Variant[]> = {
  config: [
    { args: ['--config', 'alt.json'], expect: { check: ({ stdout }) => expect(stdout).not.toContain('no-shouting') } },
    { args: ['-c', 'alt.json'], expect: { check: ({ stdout }) => expect(stdout).not.toContain('no-shouting') } },
    { args: ['--config=alt.json'], expect: { check: ({ stdout }) => expect(stdout).not.toContain('no-shouting') } },
    { args: ['--config', 'missing.json'], expect: refuse('--config "missing.json": no such file') },
    { args: ['--config', 'missing.json', '--config', 'alt.json'], expect: { check: ({ stdout }) => expect(stdout).not.toContain('no-shouting') } },
    ...valueRefusals('config'),
  ],
  format: [
    ...['stylish', 'compact', 'json', 'sarif', 'github', 'junit', 'html', 'markdown'].map((name) => ({ args: ['--format', name], expect: { check: parses(name) } })),
    { args: ['-f', './tools/paths.mjs'], expect: { check: ({ stdout }) => expect(stdout).toMatch(/^warn\.md: 2$/m) } },
    // A name that is not built in is a formatter module's: looked for, and refused when there is none.
    ...['xml', 'constructor'].map((bad) => ({ args: ['--format', bad], expect: refuse(`unknown format "${bad}" (expected ${accepts('format')}: cannot resolve formatter package "dmlint-formatter-${bad}"`) })),
    ...['JSON', ' json'].map((bad) => ({ args: ['--format', bad], expect: refuse(`unknown format "${bad}": did you mean "json"? (expected ${accepts('format')}`) })),
    { args: ['-f', './tools/none.mjs'], expect: refuse('format "./tools/none.mjs": no such file') },
    { args: ['-f', 'tools/paths.txt'], expect: refuse('unknown format "tools/paths.txt"') },
    { args: ['-f', 'json'], expect: { check: parses('json') } },
    { args: ['-fjson'], expect: { check: parses('json') } },
    { args: ['--format=sarif'], expect: { check: parses('sarif') } },
    { args: ['-f', 'sarif', '-f', 'json'], expect: { check: parses('json') } },
    ...valueRefusals('format'),
  ],
  'output-file': [
    {
      args: ['--output-file', 'out/report.txt'],
      expect: {
        report: false,
        check: ({ stdout }, dir) => {
          expect(stdout).toMatch(/^dmlint: \d+ problems? \(0 errors, \d+ warnings?\) in \d+ files?; report written to out\/report\.txt\n$/);
          expect(readFileSync(path.join(dir, 'out/report.txt'), 'utf8')).toContain('THANKS');
        },
      },
    },
    { args: ['-o', 'r.json', '-f', 'json'], expect: { report: false, check: (_, dir) => expect(json(readFileSync(path.join(dir, 'r.json'), 'utf8')).files.length).toBeGreaterThan(0) } },
    { args: ['--output-file', 'good.md/r.txt'], expect: refuse('--output-file: cannot write good.md/r.txt') },
    ...valueRefusals('output-file'),
  ],
  'max-warnings': [
    { args: ['--max-warnings', '0'], expect: { code: 1, check: ({ stderr }) => expect(stderr).toMatch(/^dmlint: 2 warnings exceed --max-warnings 0\n$/) } },
    { args: ['--max-warnings', '2'], expect: {} },
    { args: ['--max-warnings', '-1'], expect: {} },
    { args: ['--max-warnings=-1'], expect: {} },
    { args: ['--max-warnings', '0', '--max-warnings', '9'], expect: {} },
    ...['abc', '1.5', '-2', '1e3', '0x1', 'Infinity', '99999999999999999999'].map((bad) => ({ args: ['--max-warnings', bad], expect: refuse(`--max-warnings "${bad}"`, accepts('max-warnings')) })),
    ...valueRefusals('max-warnings'),
  ],
  quiet: booleanVariants('quiet', { check: (outcome) => (noWarnings(outcome, ''), expect(outcome.stdout).toContain('not shown (--quiet)')) }),
  fix: booleanVariants(
    'fix',
    { check: (_, dir) => expect(readFileSync(path.join(dir, PATH), 'utf8')).toBe(SHOUTY.replace('!!', '!')) },
    { check: (_, dir) => expect(readFileSync(path.join(dir, PATH), 'utf8')).toBe(SHOUTY) },
  ),
  'fix-dry-run': [
    ...booleanVariants('fix-dry-run', {
      check: ({ stdout }, dir) => {
        expect(stdout).toContain('+Hi {{first_name}}, THANKS for the follow! Want the guide?');
        expect(readFileSync(path.join(dir, PATH), 'utf8')).toBe(SHOUTY);
      },
    }),
    // A report that is a document keeps stdout to itself: the diff goes to stderr.
    ...['html', 'markdown', './tools/paths.mjs'].map((format) => ({
      args: ['--fix-dry-run', '-f', format],
      expect: { check: (outcome: Outcome, dir: string) => (parses(format)(outcome, dir), expect(outcome.stderr).toContain('+Hi {{first_name}}, THANKS for the follow! Want the guide?')) },
    })),
  ],
  stdin: [
    ...booleanVariants('stdin', { check: stylishHas('<stdin>.md') }).map((variant) =>
      variant.expect.refuse || variant.args.some((arg) => arg.includes('false') || arg.startsWith('--no-')) ? variant : { ...variant, positions: ['alone' as const], stdin: true },
    ),
    { args: ['--stdin'], expect: refuse('--stdin lints standard input: give no paths', PATH), positions: ['before', 'after'] },
  ],
  'stdin-filename': [
    { args: ['--stdin', '--stdin-filename', 'drafts/x.md'], expect: { check: stylishHas('drafts/x.md') }, positions: ['alone'], stdin: true },
    { args: ['--stdin-filename', 'x.md'], expect: refuse('--stdin-filename names standard input: it goes with --stdin') },
    ...valueRefusals('stdin-filename'),
  ],
  platform: [
    ...['twitter', 'x', 'messenger', 'LinkedIn'].map((value) => ({ args: ['--platform', value], expect: {} })),
    ...['myspace', 'tweeter'].map((bad) => ({ args: ['--platform', bad], expect: refuse(`--platform "${bad}"`, accepts('platform')) })),
    ...valueRefusals('platform'),
  ],
  locale: [
    ...['fr', 'fr-CA', 'en'].map((value) => ({ args: ['--locale', value], expect: {} })),
    { args: ['--locale', 'de'], expect: {} },
    ...['klingon', 'english', 'x', '42'].map((bad) => ({ args: ['--locale', bad], expect: refuse(`--locale "${bad}"`, accepts('locale')) })),
    ...valueRefusals('locale'),
  ],
  rule: [
    { args: ['--rule', 'no-shouting: off'], expect: { check: ({ stdout }) => expect(stdout).not.toContain('no-shouting') } },
    { args: ['--rule', '{"no-shouting": "off"}'], expect: { check: ({ stdout }) => expect(stdout).not.toContain('no-shouting') } },
    { args: ['--rule', 'no-shouting: ["error"]'], expect: { code: 1 } },
    { args: ['--rule', 'no-shouting: 2'], expect: { code: 1 } },
    { args: ['--rule', 'no-shouting: off', '--rule', 'no-excessive-punctuation: off'], expect: { check: ({ stdout }) => expect(stdout).toContain('No problems') } },
    ...['no-shouting', '{"no-shouting": off}', '[1]', ': off'].map((bad) => ({ args: ['--rule', bad], expect: refuse(`--rule "${bad}"`, accepts('rule')) })),
    { args: ['--rule', 'no-shoutin: off'], expect: refuse('--rule: no-shoutin: unknown rule "no-shoutin" (did you mean "no-shouting"?)') },
    { args: ['--rule', 'no-shouting: loud'], expect: refuse('--rule: no-shouting: expected a severity') },
    ...valueRefusals('rule'),
  ],
  'follow-symlinks': booleanVariants('follow-symlinks', {}),
  ignore: [
    ...booleanVariants('ignore', {}, {}),
    { args: ['--no-ignore', '-f', 'json'], expect: { check: ({ stdout }) => expect(json(stdout).files.map((f) => f.path)).toContain('archive/old.md') }, positions: ['alone'] },
  ],
  cache: [
    ...booleanVariants('cache', { check: (_, dir) => expect(existsSync(path.join(dir, '.dmlintcache'))).toBe(true) }),
    { args: ['--cache-location', 'tmp/cache.json'], expect: { check: (_, dir) => expect(existsSync(path.join(dir, 'tmp/cache.json'))).toBe(true) } },
    ...valueRefusals('cache-location'),
  ],
  concurrency: [
    { args: ['--concurrency', 'off'], expect: {} },
    { args: ['--concurrency', 'auto'], expect: {} },
    { args: ['--concurrency', '2'], expect: {}, binaryOnly: true },
    ...['0', '-1', '1.5', 'lots', 'AUTO'].map((bad) => ({ args: ['--concurrency', bad], expect: refuse(`--concurrency "${bad}"`, accepts('concurrency')) })),
    ...valueRefusals('concurrency'),
  ],
  'print-config': [
    { args: ['--print-config', PATH], expect: { report: false, check: ({ stdout }) => expect(JSON.parse(stdout)).toMatchObject({ file: PATH, phrases: [] }) }, positions: ['alone'] },
    { args: ['--print-config', 'x.md'], expect: refuse('--print-config prints the config for one file and lints nothing', PATH), positions: ['before', 'after'] },
    ...valueRefusals('print-config'),
  ],
  'list-rules': [
    ...booleanVariants('list-rules', { report: false, check: ({ stdout }) => expect(stdout).toMatch(/^rule\s+platforms/) }).map((variant) => ({ ...variant, positions: ['alone' as const] })),
    { args: ['--list-rules', '-f', 'json'], expect: { report: false, check: ({ stdout }) => expect(JSON.parse(stdout).length).toBeGreaterThan(10) }, positions: ['alone'] },
    { args: ['--list-rules'], expect: refuse('--list-rules lists the rules and lints nothing', PATH), positions: ['before', 'after'] },
  ],
  init: [
    { args: ['--init'], expect: { report: false, check: ({ stdout }, dir) => (expect(stdout).toMatch(/^Wrote \.dmlintrc\.json/), expect(existsSync(path.join(dir, '.dmlintrc.json'))).toBe(true)) }, positions: ['alone'] },
    { args: ['--init'], expect: refuse('--init writes a config and lints nothing', PATH), positions: ['before', 'after'] },
    { args: ['--init', '--list-rules'], expect: refuse('--init and --list-rules cannot be used together'), positions: ['alone'] },
    { args: ['--init=maybe'], expect: refuse('--init takes no value'), positions: ['alone'] },
  ],
  explain: [
    ...booleanVariants('explain', { report: false, check: ({ stdout }) => expect(stdout).toMatch(/^warn\.md, draft 1 \(line 5, twitter/m) }),
    {
      args: ['--explain', '-f', 'json'],
      expect: { report: false, check: ({ stdout }) => expect((JSON.parse(stdout) as { path: string }[]).map((file) => file.path)).toContain(PATH) },
    },
    ...(['fix', 'fix-dry-run', 'suppress-all'] as const).map((flag) => ({ args: ['--explain', `--${flag}`], expect: refuse(`--explain prints how the judgment rules weigh`, `not with --${flag}`) })),
    { args: ['--explain', '--stdin'], expect: refuse('not with --stdin'), positions: ['alone' as const] },
    { args: ['--explain', '-o', 'x.txt'], expect: refuse('not with --output-file') },
    { args: ['--explain', '-f', 'sarif'], expect: refuse('--explain prints text, or JSON with -f json: not -f sarif') },
    { args: ['--explain', '--print-config', PATH], expect: refuse('--print-config and --explain cannot be used together'), positions: ['alone' as const] },
  ],
  'suppress-all': [
    ...booleanVariants('suppress-all', {
      check: ({ stderr }, dir) => {
        expect(stderr).toMatch(/^dmlint: recorded \d+ problems? in \d+ files? in dmlint-suppressions\.json$/m);
        expect(readFileSync(path.join(dir, 'dmlint-suppressions.json'), 'utf8')).toContain('"warn.md"');
      },
    }),
    { args: ['--suppress-all', '--suppress-rule', 'no-shouting'], expect: refuse('--suppress-all and --suppress-rule cannot be used together') },
    { args: ['--suppress-all', '--fix-dry-run'], expect: refuse('--suppress-all writes the suppressions file', 'not with --fix-dry-run') },
    { args: ['--suppress-all', '--stdin'], expect: refuse('--suppress-all writes the suppressions file', 'not with --stdin'), positions: ['alone'], stdin: true },
  ],
  'suppress-rule': [
    {
      args: ['--suppress-rule', 'no-shouting'],
      expect: { check: (_, dir) => expect(readFileSync(path.join(dir, 'dmlint-suppressions.json'), 'utf8')).toMatch(/"no-shouting"(?![\s\S]*no-excessive-punctuation)/) },
    },
    {
      args: ['--suppress-rule', 'no-shouting', '--suppress-rule', 'no-excessive-punctuation'],
      expect: { check: (_, dir) => expect(readFileSync(path.join(dir, 'dmlint-suppressions.json'), 'utf8')).toMatch(/no-excessive-punctuation[\s\S]*no-shouting/) },
    },
    { args: ['--suppress-rule', 'no-shoutin'], expect: refuse('--suppress-rule "no-shoutin": no such rule (did you mean "no-shouting"?)', accepts('suppress-rule')) },
    { args: ['--suppress-rule', 'no-shouting', '--prune-suppressions'], expect: refuse('--suppress-rule and --prune-suppressions cannot be used together') },
    ...valueRefusals('suppress-rule'),
  ],
  'prune-suppressions': [
    ...booleanVariants('prune-suppressions', { check: ({ stderr }) => expect(stderr).toBe('dmlint: nothing to prune in dmlint-suppressions.json\n') }),
    {
      args: ['--prune-suppressions', '--suppressions-location', 'stale.json'],
      expect: { check: ({ stderr }, dir) => (expect(stderr).toContain('pruned 1 suppressed problem'), expect(readFileSync(path.join(dir, 'stale.json'), 'utf8')).not.toContain('placeholder-syntax')) },
    },
  ],
  'pass-on-unpruned-suppressions': [
    ...booleanVariants('pass-on-unpruned-suppressions', {}),
    { args: ['--suppressions-location', 'stale.json', '--pass-on-unpruned-suppressions'], expect: {} },
    ...[['--no-pass-on-unpruned-suppressions'], ['--pass-on-unpruned-suppressions=false'], []].map((off) => ({
      args: ['--suppressions-location', 'stale.json', ...off],
      expect: { code: 2, check: ({ stderr }: Outcome) => expect(stderr).toContain('dmlint: 1 suppressed problem in stale.json no longer occurs') },
    })),
  ],
  'suppressions-location': [
    { args: ['--suppressions-location', 'kept/s.json', '--suppress-all'], expect: { check: (_, dir) => expect(existsSync(path.join(dir, 'kept/s.json'))).toBe(true) } },
    { args: ['--suppressions-location', 'missing.json'], expect: {} },
    ...valueRefusals('suppressions-location'),
  ],
  'report-unused-disable-directives': booleanVariants('report-unused-disable-directives', {}),
  color: booleanVariants('color', { check: ({ stdout }) => expect(stdout).toContain('\u001b[') }, { check: ({ stdout }) => expect(stdout).not.toContain('\u001b[') }),
  // The long-running modes run until stopped, so only what they refuse runs here (their own tests
  // run them); off (--no-watch...) they are a plain lint.
  modes: [
    { args: ['--stdio'], expect: refuse('--stdio goes with --lsp') },
    { args: ['--lsp'], expect: refuse('--lsp takes no paths'), positions: ['before', 'after'] },
    { args: ['--mcp'], expect: refuse('--mcp takes no paths'), positions: ['before', 'after'] },
    { args: ['--watch', '--fix'], expect: refuse('--fix cannot be used with --watch') },
    { args: ['--watch', '--lsp'], expect: refuse('--watch and --lsp cannot be combined') },
    { args: ['--lsp', '--max-warnings', '0'], expect: refuse('--max-warnings cannot be used with --lsp'), positions: ['alone'] },
    { args: ['--mcp', '--init'], expect: refuse('--init cannot be used with --mcp'), positions: ['alone'] },
    { args: ['--watch', '--suppress-all'], expect: refuse('--suppress-all cannot be used with --watch') },
    { args: ['--watch', '--explain'], expect: refuse('--explain cannot be used with --watch') },
    { args: ['--lsp', '--follow-symlinks'], expect: refuse('--follow-symlinks cannot be used with --lsp'), positions: ['alone'] },
    { args: ['--mcp', '--suppressions-location', 'x.json'], expect: refuse('--suppressions-location cannot be used with --mcp'), positions: ['alone'] },
    ...['watch', 'lsp', 'stdio', 'mcp'].flatMap((mode) => [
      { args: [`--no-${mode}`], expect: {} },
      { args: [`--${mode}=false`], expect: {} },
      { args: [`--${mode}=yes`], expect: refuse(`--${mode} takes no value (got "yes")`) },
    ]),
  ],
  help: [
    { args: ['--help'], expect: { report: false, check: ({ stdout }) => expect(stdout).toMatch(/^Usage: dmlint/) } },
    { args: ['-h'], expect: { report: false, check: ({ stdout }) => expect(stdout).toMatch(/^Usage: dmlint/) } },
    { args: ['--help=yes'], expect: refuse('--help takes no value'), positions: ['alone'] },
  ],
  version: [
    { args: ['--version'], expect: { report: false, check: ({ stdout }) => expect(stdout).toMatch(/^\d+\.\d+\.\d+\n$/) } },
    { args: ['-v'], expect: { report: false, check: ({ stdout }) => expect(stdout).toMatch(/^\d+\.\d+\.\d+\n$/) } },
  ],
  unknown: [
    { args: ['--frobnicate'], expect: refuse('unknown flag --frobnicate') },
    { args: ['--quite'], expect: refuse('unknown flag --quite: did you mean --quiet?') },
    { args: ['-z'], expect: refuse('unknown flag -z') },
    { args: ['-qz'], expect: refuse('unknown flag -z') },
    { args: ['--fix', '--fix-dry-run'], expect: refuse('--fix and --fix-dry-run cannot be used together') },
  ],
};

/** What a format's stdout must be: parseable by what reads it. */
function parses(format: string): Check {
  return ({ stdout }) => {
    if (format === 'json') expect(json(stdout).files.length).toBeGreaterThan(0);
    else if (format === 'sarif') expect(JSON.parse(stdout).version).toBe('2.1.0');
    else if (format === 'junit') expect(XMLValidator.validate(stdout)).toBe(true);
    else if (format === 'compact') for (const line of stdout.trimEnd().split('\n').filter(Boolean)) expect(line).toMatch(/^(.+):(\d+):(\d+): (error|warning): (.+) \[(.+)\]$/);
    else if (format === 'github') for (const line of stdout.trimEnd().split('\n').filter(Boolean)) expect(line).toMatch(/^::(error|warning) file=/);
    else if (format === 'html') expect(stdout).toMatch(/^<!DOCTYPE html>\n[\s\S]*<\/html>\n$/);
    else if (format === 'markdown') expect(stdout).toMatch(/^## dmlint: /);
    else if (format.endsWith('.mjs')) expect(stdout).toMatch(/^(\S+: \d+\n)+$/);
    else expect(stdout).toMatch(/(✔|✖) /);
  };
}

const MACHINE = ['json', 'sarif', 'junit'];
/** Formats whose stdout is the report alone: --fix-dry-run's diff goes to stderr with them. */
const DOCUMENTS = [...MACHINE, 'html', 'markdown', './tools/paths.mjs'];
const setsFormat = (args: string[]) => args.some((arg) => arg === '-f' || arg.startsWith('-f') || arg.startsWith('--format') || arg.startsWith('--output-file') || arg === '-o');

function buildCases(): Case[] {
  const cases: Case[] = [];
  for (const [flag, variants] of Object.entries(FLAGS)) {
    for (const variant of variants) {
      const positions = variant.positions ?? ['alone', 'before', 'after'];
      const runs: [string, string[]][] = [];
      if (positions.includes('alone')) runs.push(['alone', variant.args]);
      if (positions.includes('before')) runs.push(['path before', [PATH, ...variant.args]]);
      if (positions.includes('after')) runs.push(['path after', [...variant.args, PATH]]);
      for (const [where, argv] of runs) {
        const base = { expect: variant.expect, ...(variant.stdin ? { stdin: true } : {}), ...(variant.binaryOnly ? { binaryOnly: true } : {}) };
        cases.push({ name: `${flag}: ${JSON.stringify(argv)} (${where})`, argv, ...base });
        // Every run that reports, in each machine format: stdout stays parseable.
        if (!variant.expect.refuse && variant.expect.report !== false && !setsFormat(variant.args) && !variant.args.some((arg) => /^--(no-)?color/.test(arg))) {
          for (const format of MACHINE) {
            cases.push({ name: `${flag}: ${JSON.stringify([...argv, '-f', format])} (${where})`, argv: [...argv, '-f', format], ...base, expect: { ...variant.expect, check: parses(format) } });
          }
        }
      }
      // After --, a flag is a path: it does not exist, which is exit 2 naming it, and the path before it is still linted.
      if (!variant.stdin) {
        const argv = [PATH, '--', ...variant.args];
        cases.push({
          name: `${flag}: ${JSON.stringify(argv)} (after --)`,
          argv,
          expect: {
            code: 2,
            report: false,
            check: ({ stdout, stderr }) => {
              expect(stderr).toContain(`No such file or directory: ${variant.args[0]}`);
              expect(stdout).toContain('THANKS');
            },
          },
        });
      }
    }
  }
  return cases;
}

const CASES = buildCases();

async function inProcess(argv: string[], dir: string, stdin: boolean): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (text: string) => void (stdout += text) },
    stderr: { write: (text: string) => void (stderr += text) },
    cwd: dir,
    env: {},
    readStdin: async () => (stdin ? STDIN : ''),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

function inProcessOf(testCase: Case): Promise<Outcome & { dir: string }> {
  const dir = tempProject(FILES, 'dmlint-contract-');
  return inProcess(testCase.argv, dir, testCase.stdin === true).then((outcome) => ({ ...outcome, dir }));
}

function binary(argv: string[], dir: string, stdin: boolean): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const { NO_COLOR: _n, FORCE_COLOR: _f, FORCE_HYPERLINK: _h, ...env } = process.env;
    const child = spawn(process.execPath, [BIN, ...argv], { cwd: dir, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(stdin ? STDIN : '');
  });
}

/** Holds one run to the contract. */
function hold(testCase: Case, outcome: Outcome, dir: string): void {
  const { expect: wanted } = testCase;
  const context = `${testCase.name}\nstdout: ${outcome.stdout.slice(0, 400)}\nstderr: ${outcome.stderr}`;
  if (wanted.refuse) {
    expect(outcome.code, context).toBe(2);
    expect(outcome.stdout, context).toBe('');
    expect(outcome.stderr, context).toMatch(/^dmlint: [^\n]+\n$/);
    for (const part of wanted.refuse) expect(outcome.stderr, context).toContain(part);
    return;
  }
  expect(outcome.code, context).toBe(wanted.code ?? 0);
  // Diagnostics of the run itself are "dmlint: " lines; --fix-dry-run's diff goes there too when stdout carries a machine report.
  const dryRunDiff = testCase.argv.some((arg) => /^--fix-dry-run/.test(arg)) && DOCUMENTS.some((format) => testCase.argv.includes(format));
  if (!dryRunDiff) for (const line of outcome.stderr.split('\n').filter(Boolean)) expect(line, context).toMatch(/^dmlint: /);
  if (wanted.check) {
    try {
      wanted.check(outcome, dir);
    } catch (error) {
      throw new Error(`${context}\n${(error as Error).message}`);
    }
  }
}

describe('the CLI contract', () => {
  it(`holds for every flag combination in the table (${CASES.length} runs in-process)`, async () => {
    expect(CASES.length).toBeGreaterThan(500);
    for (const testCase of CASES.filter((c) => !c.binaryOnly)) {
      const { dir, ...outcome } = await inProcessOf(testCase);
      hold(testCase, outcome, dir);
      // Removed as the table goes: 1,300 folders left for the end take longer than a hook may.
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  // Each flag's first good and first bad value, with a path after it; plus the runs only a process can make.
  const representative = Object.entries(FLAGS).flatMap(([flag]) => {
    const ofFlag = CASES.filter((c) => c.name.startsWith(`${flag}: `) && c.name.endsWith('(path after)') && !c.argv.includes('-f'));
    const good = ofFlag.find((c) => !c.expect.refuse);
    const bad = ofFlag.find((c) => c.expect.refuse);
    return [good, bad].filter((c): c is Case => c !== undefined);
  });
  const processOnly = CASES.filter((c) => c.binaryOnly);

  it(`the built binary answers as main() does (${representative.length} runs), and makes the runs main() cannot (${processOnly.length})`, async () => {
    const normalise = (text: string, dir: string) => text.split(dir).join('<dir>').replace(/file:\/\/[^"]*<dir>/g, 'file://<dir>');
    const queue = [...representative.map((c) => ({ c, compare: true })), ...processOnly.map((c) => ({ c, compare: false }))];
    // Two at a time: the machine the suite runs on has two cores.
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const dir = tempProject(FILES, 'dmlint-contract-bin-');
        const outcome = await binary(next.c.argv, dir, next.c.stdin === true);
        hold(next.c, outcome, dir);
        rmSync(dir, { recursive: true, force: true });
        if (!next.compare) continue;
        const twin = await inProcessOf(next.c);
        rmSync(twin.dir, { recursive: true, force: true });
        expect({ code: outcome.code, stdout: normalise(outcome.stdout, dir), stderr: normalise(outcome.stderr, dir) }, next.c.name).toEqual({
          code: twin.code,
          stdout: normalise(twin.stdout, twin.dir),
          stderr: normalise(twin.stderr, twin.dir),
        });
      }
    };
    await Promise.all([worker(), worker()]);
  }, 120_000);
});
