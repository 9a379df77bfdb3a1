/** `dmlint --help`, written from the flag table. */
import { OPTIONS, type FlagOption } from './options.js';

export function helpText(): string {
  const rows = Object.entries(OPTIONS as Record<string, FlagOption>).map(([name, option]) => {
    // --ignore is on unless turned off; --color goes both ways.
    const long = name === 'ignore' ? '--no-ignore' : name === 'color' ? '--color, --no-color' : `--${name}`;
    const flag = `${option.short ? `-${option.short}, ` : '    '}${long}${option.value ? ` ${option.value}` : ''}`;
    return [flag, option.description + (option.accepts && option.type === 'string' ? `: ${option.accepts}` : '')] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return [
    'Usage: dmlint [flags] [paths or globs ...]',
    '',
    'Lint outreach message drafts (Markdown). Default path: the current directory.',
    'Paths after -- are read as paths even when they start with "-".',
    '',
    'Flags:',
    ...rows.map(([flag, description]) => `  ${flag.padEnd(width)}  ${description}`),
    '',
    'Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors or too many warnings, 2 the run failed.',
    '',
  ].join('\n');
}
