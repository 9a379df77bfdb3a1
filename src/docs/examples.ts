/**
 * The examples on a rule's doc page. An example is a ```markdown block whose paragraph above
 * begins with "Fails" or "Passes". A failing one is followed by a ```text block with what the
 * rule reports, one `line:column-endLine:endColumn: message` per line, lines counted from the
 * example's first: `npm run docs` writes it, test/docs.test.ts checks it.
 */
import { describeDiagnostic, type ExpectedDiagnostic } from '../report/expectations.js';
import type { Rule } from '../types.js';

export interface DocExample {
  verdict: 'fails' | 'passes';
  /** The Markdown of the example. */
  code: string;
  /** The text block after it, as written (without fences), if there is one. */
  output?: string;
  /** Offsets in the page: the end of the example's closing fence, and the end of its output block (or the same). */
  codeEnd: number;
  outputEnd: number;
}

const FENCE = '```';

/** The examples of a page, in page order. */
export function findExamples(page: string): DocExample[] {
  const examples: DocExample[] = [];
  const lines = page.split('\n');
  const starts: number[] = [];
  for (let i = 0, offset = 0; i < lines.length; offset += lines[i]!.length + 1, i++) starts.push(offset);
  const lineEnd = (i: number) => starts[i]! + lines[i]!.length;
  /** The index of the fence line that closes the block opened at `open`. */
  const closing = (open: number) => {
    let i = open + 1;
    while (i < lines.length && lines[i] !== FENCE) i++;
    return i;
  };
  let paragraph: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.startsWith(FENCE)) {
      if (line.trim() === '') continue;
      // A paragraph's first line sets the verdict for the blocks that follow it.
      if (i === 0 || lines[i - 1]!.trim() === '') paragraph = line;
      continue;
    }
    const close = closing(i);
    const verdict = /^Fails/.test(paragraph ?? '') ? 'fails' : /^Passes/.test(paragraph ?? '') ? 'passes' : undefined;
    paragraph = undefined;
    if (line !== `${FENCE}markdown` || !verdict) {
      i = close;
      continue;
    }
    const example: DocExample = { verdict, code: lines.slice(i + 1, close).join('\n') + '\n', codeEnd: lineEnd(close), outputEnd: lineEnd(close) };
    let next = close + 1;
    while (next < lines.length && lines[next]!.trim() === '') next++;
    if (lines[next] === `${FENCE}text`) {
      const outputClose = closing(next);
      example.output = lines.slice(next + 1, outputClose).join('\n');
      example.outputEnd = lineEnd(outputClose);
      i = outputClose;
    } else {
      i = close;
    }
    examples.push(example);
  }
  return examples;
}

/**
 * The config to lint an example with. An example that opens with frontmatter or a comment is a
 * whole file; any other is a fragment, read as a draft of the rule's first platform and kind to
 * a cold audience (config `defaults`, so lines count from the fragment's first).
 */
export function exampleConfig(rule: Rule, code: string): { defaults?: Record<string, string> } {
  if (code.startsWith('---') || code.startsWith('<!--')) return {};
  const platform = rule.meta.platforms[0];
  return { defaults: { ...(platform ? { platform } : {}), ...(platform && rule.meta.kinds ? { kind: rule.meta.kinds[0]! } : {}), audience: 'cold' } };
}

/** The text block's content for what a rule reported on an example. */
export function describeOutput(diagnostics: readonly ExpectedDiagnostic[]): string {
  return diagnostics.map((diagnostic) => describeDiagnostic({ ...diagnostic, ruleId: undefined })).join('\n');
}

/** The page with each failing example's text block set to `outputs[i]` (examples in page order; passing ones have none). */
export function withOutputs(page: string, examples: readonly DocExample[], outputs: readonly (string | undefined)[]): string {
  let result = '';
  let cursor = 0;
  examples.forEach((example, i) => {
    const output = outputs[i];
    result += page.slice(cursor, example.codeEnd);
    if (output !== undefined) result += `\n\n${FENCE}text\n${output}\n${FENCE}`;
    cursor = example.outputEnd;
  });
  return result + page.slice(cursor);
}
