// The language server's "disable for this line / for the file" edits, on the shapes of Markdown
// where a comment could change the message: each edit is applied, the text linted again, and
// the message the recipient gets compared with the original.
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/api/config.js';
import { setupFor } from '../src/api/lint.js';
import { disableEdit, type DisableScope } from '../src/cli/editor/disable-comments.js';
import { parseDraftFile } from '../src/draft/parse.js';
import { lintSource } from '../src/engine/lint.js';
import { ROOT } from './helpers.js';

const head = '---\nplatform: facebook\naudience: customer\n---\n';

async function disable(text: string, ruleId: string, occurrence: number, scope: DisableScope) {
  const config = await resolveConfig({}, undefined, ROOT);
  const setup = setupFor(config, `${ROOT}/draft.md`);
  const { file, result } = lintSource('draft.md', text, setup);
  const diagnostic = result.diagnostics.filter((d) => d.ruleId === ruleId)[occurrence]!;
  expect(diagnostic, `${ruleId} #${occurrence} reported`).toBeDefined();
  const insertion = disableEdit(file, diagnostic, scope, (source) => parseDraftFile('draft.md', source, { defaults: setup.defaults }), new Set(config.registry.keys()));
  if (!insertion) return { edited: undefined, before: result, after: undefined };
  const edited = text.slice(0, insertion.offset) + insertion.text + text.slice(insertion.offset);
  const after = lintSource('draft.md', edited, setup);
  // The recipient's message is the same, draft by draft.
  expect(after.file.drafts.map((draft) => draft.text)).toEqual(file.drafts.map((draft) => draft.text));
  return { edited, before: result, after: after.result };
}

const count = (result: { diagnostics: { ruleId: string }[] } | undefined, ruleId: string) => result?.diagnostics.filter((d) => d.ruleId === ruleId).length;

describe('disable edits', () => {
  it('keeps CRLF line endings', async () => {
    const text = `${head}Hi!!\nThanks.\n\nAny questions?!?\n`.replace(/\n/g, '\r\n');
    const { edited, after } = await disable(text, 'no-excessive-punctuation', 1, 'line');
    expect(edited).toBe(text.replace('Any questions', '<!-- dmlint-disable-next-line no-excessive-punctuation -->\r\nAny questions'));
    expect(count(after, 'no-excessive-punctuation')).toBe(1);
  });

  it('puts the comment before a hard line break, which stays a break', async () => {
    const text = `${head}Hi {{first_name}}  \nYour order is here!!\nAny questions?\n`;
    const { edited, after } = await disable(text, 'no-excessive-punctuation', 0, 'line');
    expect(edited).toBe(text.replace('{{first_name}}  \n', '{{first_name}}<!-- dmlint-disable-next-line no-excessive-punctuation -->  \n'));
    expect(count(after, 'no-excessive-punctuation')).toBe(0);
  });

  it('adds the rule to a disable-next-line comment already above, before its reason', async () => {
    const text = `${head}<!-- dmlint-disable-next-line call-to-action -- approved -->\nYour order is here!!\n`;
    const { edited, after } = await disable(text, 'no-excessive-punctuation', 0, 'line');
    expect(edited).toBe(text.replace('call-to-action --', 'call-to-action no-excessive-punctuation --'));
    expect(after?.diagnostics).toEqual([]);
  });

  it('disables a line in a list item and after a draft directive', async () => {
    const list = `${head}Hi, three things:\n\n- shipped!!\n- tracked!!\n\nAny questions?\n`;
    const item = await disable(list, 'no-excessive-punctuation', 1, 'line');
    expect(item.edited).toBeDefined();
    expect(count(item.after, 'no-excessive-punctuation')).toBe(1);

    const drafts = `# Campaign\n\n<!-- dmlint-draft platform=facebook audience=customer -->\nHi!! Any questions?\n\n<!-- dmlint-draft platform=facebook audience=customer -->\nHello!! Any questions?\n`;
    const second = await disable(drafts, 'no-excessive-punctuation', 1, 'line');
    expect(second.edited).toBe(drafts.replace('Hello!!', '<!-- dmlint-disable-next-line no-excessive-punctuation -->\nHello!!'));
    expect(count(second.after, 'no-excessive-punctuation')).toBe(1);
  });

  it('disables for the file after the frontmatter, or in the disable comment already at the top', async () => {
    const text = `${head}Hi!! Shipped!!\n\nAny questions?!?\n`;
    const first = await disable(text, 'no-excessive-punctuation', 2, 'file');
    expect(first.edited).toBe(text.replace('---\nHi', '---\n<!-- dmlint-disable no-excessive-punctuation -->\nHi'));
    expect(count(first.after, 'no-excessive-punctuation')).toBe(0);

    const merged = await disable(`${head}<!-- dmlint-disable call-to-action, max-links -->\nHi!!\n`, 'no-excessive-punctuation', 0, 'file');
    expect(merged.edited).toBe(`${head}<!-- dmlint-disable call-to-action, max-links, no-excessive-punctuation -->\nHi!!\n`);
    expect(merged.after?.diagnostics).toEqual([]);

    const bare = await disable('Hi!! Any questions?', 'no-excessive-punctuation', 0, 'file');
    expect(bare.edited).toBe('<!-- dmlint-disable no-excessive-punctuation -->\nHi!! Any questions?');
  });

  it('offers nothing where no comment can help: a problem inside the frontmatter', async () => {
    const text = '---\nplatform: tweeter\n---\nHello there. Any questions?\n';
    for (const scope of ['line', 'file'] as const) expect((await disable(text, 'invalid-metadata', 0, scope)).edited).toBeUndefined();
  });
});
