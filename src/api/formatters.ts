/**
 * Every formatter, for library users: `formatters.stylish(results, context)`. A context without
 * `rules` gets the built-in rules' metadata, so SARIF describes them as the CLI's report does.
 */
import * as all from '../report/formatters/all.js';
import type { Formatter, FormatterContext } from '../report/formatters/types.js';
import { builtinRules } from './config.js';

const withBuiltinRules =
  (formatter: Formatter): Formatter =>
  (results, context: FormatterContext) =>
    formatter(results, context.rules ? context : { ...context, rules: new Map(builtinRules.map((rule) => [rule.meta.id, rule.meta])) });

export const stylish = all.stylish;
export const compact = all.compact;
export const json = all.json;
export const github = all.github;
export const junit = all.junit;
export const markdown = all.markdown;
export const html = all.html;
export const sarif = withBuiltinRules(all.sarif);
