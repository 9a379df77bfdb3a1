// Plain drafts skip the Markdown parser: whenever plainTree gives a tree, it must be exactly the
// tree remark-parse + remark-frontmatter give, positions included. FC_RUNS raises the cases.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { plainTree } from '../src/draft/plain-tree.js';
import { ROOT } from './helpers.js';

const RUNS = Number(process.env.FC_RUNS ?? 300) * 10;
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
const parsed = (text: string) => JSON.parse(JSON.stringify(processor.parse(text)));

/** The parser's tree of a piece of a file that starts at `base`: offsets move, lines stay. */
const parsedAt = (text: string, base: number) => {
  const tree = parsed(text);
  const stack = [tree];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.position) for (const point of [node.position.start, node.position.end]) point.offset += base;
    stack.push(...(node.children ?? []));
  }
  return tree;
};

// Lines and pieces that are plain, and pieces that are markup only in some places.
const piece = fc.constantFrom(
  'Hello {{first_name}},', 'Thanks for the follow!', 'Q&A at 6', 'Tom & Jerry', '&amp;', '&#233;', 'first_name', '_x', 'x_', 'a_b_c',
  'https://example.com/a?b=c', '(see above)', '"quoted"', 'l\'été', '😀', '故人', 'é', '1.', '1)', '10.', '1234567890.', '#', '# ',
  '-', '- ', '+', '=', '===', '---', '...', '>', '~', '~~~', '`', '*', '_', '\\', '<', ']', '[', '!', ' ', '  ', '\t', '\r', '\0',
  'platform: twitter', 'audience: cold', '', '[the demo](https://example.com/a?utm_source=dm)', '[x](y)', '![x](y)', '[x] (y)', '[x]',
  '(z)', '<!-- dmlint-draft platform=twitter -->', '<!-- c -->', '<!-->', '<!--->', '-->', '<!--', '## Follow-up', '# ', '#', '# T #',
  '###### Six', '####### Seven', '[a_b](u)', '[ x ](u)', '[x](u v)', '[x](<u>)', '[x](u "t")', '\f', '\v', '\u00a0', '\u2028', '\uFEFF', '\u200b',
);
const line = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''));
const lines = fc.array(line, { maxLength: 12 }).map((all) => all.join('\n'));
// Whole lines of the kinds the fast path reads, so that block boundaries meet each other often.
const wholeLine = fc.oneof(
  line,
  fc.constantFrom('', '', '<!-- dmlint-draft platform=linkedin subject="Hi {{company}}" -->', '<!-- dmlint-disable no-shouting -->', '# Title', '## Follow-up', '###### x', '---', '==='),
  fc.tuple(line, fc.constantFrom('[the demo](https://e.com/x?a_b=1)', '[x](y)', '![x](y)'), line).map((parts) => parts.join(' ')),
);
const structured = fc.array(wholeLine, { maxLength: 14 }).map((all) => all.join('\n'));
const document = fc.oneof(
  lines,
  structured,
  fc.tuple(fc.array(line, { maxLength: 3 }), structured).map(([front, body]) => `---\n${front.map((l) => `${l}\n`).join('')}---\n${body}`),
  fc.tuple(fc.array(line, { maxLength: 4 }), lines).map(([front, body]) => `---\n${front.map((l) => `${l}\n`).join('')}---\n${body}`),
  fc.string({ maxLength: 120 }),
);

describe('plainTree', () => {
  it('builds the tree of plain drafts exactly as the parser does', () => {
    const text =
      '---\nplatform: twitter\naudience: follower\n---\n\n<!-- dmlint-draft platform=twitter -->\n## First touch\nHi {{first_name}}, Q&A at 6!\nSecond line: [the demo](https://example.com/x?utm_source=dm) ok\n<!-- dmlint-disable-next-line -->\nBest,\n{{sender_name}}\n';
    const tree = plainTree(text);
    expect(tree).toBeDefined();
    expect(JSON.parse(JSON.stringify(tree))).toEqual(parsed(text));
    // Spaces that end a paragraph are in the paragraph, not in its text.
    const spaced = 'One line with a space at the end. \nThen a second line.\n\nAnd [a link](https://e.com)   \n';
    expect(plainTree(spaced)).toBeDefined();
    expect(JSON.parse(JSON.stringify(plainTree(spaced)))).toEqual(parsed(spaced));
  });

  it('leaves anything that could be markup to the parser', () => {
    for (const text of ['**bold**', '# Title #\n\nHi', 'Hi\n===', '- item', '1. one', '> quote', 'a &amp; b', 'x_', '<!-- c', 'a\\', 'trailing  \nbreak', '    code', 'a\r\nb', '---\nunclosed: yes\n', '![img](u)', '[ref]', '[x] (u)', '<b>hi</b>']) {
      expect(plainTree(text), JSON.stringify(text)).toBeUndefined();
    }
  });

  it('agrees with the parser on generated text', () => {
    let taken = 0;
    fc.assert(
      fc.property(document, fc.oneof(fc.constant(0), fc.nat(100_000)), (text, base) => {
        const tree = plainTree(text, base);
        if (!tree) return;
        taken++;
        expect(JSON.parse(JSON.stringify(tree))).toEqual(parsedAt(text, base));
      }),
      { numRuns: RUNS },
    );
    // The generator must reach the fast path often enough for the comparison to mean something.
    expect(taken).toBeGreaterThan(RUNS / 10);
  });

  it('agrees with the parser on every draft shipped in fixtures/ and eval/', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (name.endsWith('.md')) files.push(full);
      }
    };
    walk(path.join(ROOT, 'fixtures'));
    walk(path.join(ROOT, 'eval'));
    let taken = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      const tree = plainTree(text);
      if (!tree) continue;
      taken++;
      expect(JSON.parse(JSON.stringify(tree)), file).toEqual(parsed(text));
    }
    expect(taken).toBeGreaterThan(10);
  });
});
