import { describe, expect, it } from 'vitest';
import { parseArgs } from '../src/cli/args.js';
import { quickParseArgs } from '../src/cli/quick-args.js';

const viaYargs = async (argv: string[]) => {
  const outcome = await parseArgs(argv, '0.0.0');
  if (outcome.kind !== 'run') throw new Error(`yargs did not accept ${argv.join(' ')}`);
  return outcome.args;
};

describe('the quick flag parser', () => {
  it.each([
    [[]],
    [['drafts/a.md']],
    [['a.md', 'b folder', 'campagne été/n°1.md', '10', '007.md', '*.md']],
    [['--cache', 'drafts']],
    [['drafts', '--fix', '--no-ignore', '--quiet']],
    [['--no-color', 'a.md', '--color']],
    [['--fix-dry-run', '--report-unused-disable-directives', '--list-rules']],
    [['--no-cache', '--stdin', '--init']],
    [['-f', 'json', 'a.md']],
    [['--format', 'json']],
    [['--format=json', '-q']],
    [['--max-warnings', '0']],
    [['--cache-location', 'tmp/c.json', '--cache', '-o', 'report.sarif', '-f', 'sarif', 'drafts']],
    [['--max-warnings=12', '--concurrency', '2', '--platform', 'twitter', '--locale', 'fr', '--stdin-filename', 'a.md', '-c', 'x.json']],
    [['--print-config', 'a.md', '--format', 'a=b']],
  ])('reads %j as yargs does', async (argv) => {
    expect(quickParseArgs(argv)).toEqual(await viaYargs(argv));
  });

  it.each([
    [['--cache=false']],
    [['--rule', 'no-shouting: off']],
    [['--format', 'json', '--format', 'sarif']],
    [['--format']],
    [['--format=']],
    [['--format', '-q']],
    [['--max-warnings', '-1']],
    [['--max-warnings', 'many']],
    [['--max-warnings', '1e3']],
    [['-qf', 'json']],
    [['-f=json']],
    [['--help']],
    [['--version']],
    [['--unknown-flag']],
    [['--', 'a.md']],
    [['-']],
    [['--no-format']],
    [['--constructor']],
  ])('leaves %j to yargs', (argv) => {
    expect(quickParseArgs(argv)).toBeUndefined();
  });

  it('does not share defaults between calls', () => {
    const first = quickParseArgs([])!;
    first.rule.push('no-shouting: off');
    first.paths.push('x.md');
    expect(quickParseArgs([])).toMatchObject({ rule: [], paths: [] });
  });
});
