// The language server end to end: `dmlint --lsp` as a child process, driven over stdio by the
// client side of vscode-languageserver-protocol, as an editor drives it.
import { readdirSync, readFileSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CodeActionRequest, CodeActionResolveRequest, ExecuteCommandRequest, HoverRequest, type CodeAction, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { FIXTURES, ROOT, tempProject } from './helpers.js';
import { applyEdits, editsFor, LspClient, rules, uriOf } from './lsp-client.js';

const PUNCTUATION = '---\nplatform: facebook\naudience: customer\n---\nHi {{first_name}}!! Your order has shipped!!! Any questions?\n';
const clients: LspClient[] = [];

function start(files: Record<string, string>): { dir: string; client: LspClient } {
  const dir = tempProject(files, 'dmlint-lsp-');
  const client = new LspClient(dir);
  clients.push(client);
  return { dir, client };
}

afterEach(() => {
  for (const client of clients.splice(0)) client.kill();
});

async function actionsAt(client: LspClient, file: string, params: PublishDiagnosticsParams, index: number, extra: { only?: string[] } = {}): Promise<CodeAction[]> {
  const diagnostic = params.diagnostics[index]!;
  return (await client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: uriOf(file) },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic], ...extra },
  })) as CodeAction[];
}

/** Every file in the folder with its content: to check that the server wrote nothing. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const file = path.join(folder, name);
      if (statSync(file).isDirectory()) walk(file);
      else files[path.relative(dir, file)] = readFileSync(file, 'utf8');
    }
  };
  walk(dir);
  return files;
}

describe('language server: diagnostics', () => {
  it('publishes diagnostics of the unsaved text on open and change, with exact ranges, and clears them on close', async () => {
    const { dir, client } = start({ 'drafts/a.md': 'on disk: nothing to report\n' });
    const init = await client.initialize();
    expect(init.serverInfo?.name).toBe('dmlint');
    expect(init.capabilities.codeActionProvider).toMatchObject({ resolveProvider: true });
    const file = path.join(dir, 'drafts/a.md');

    const opened = await client.open(file, PUNCTUATION);
    expect(opened.diagnostics.map((d) => ({ code: d.code, range: d.range, severity: d.severity, source: d.source }))).toEqual([
      { code: 'no-excessive-punctuation', range: { start: { line: 4, character: 17 }, end: { line: 4, character: 19 } }, severity: 2, source: 'dmlint' },
      { code: 'no-excessive-punctuation', range: { start: { line: 4, character: 42 }, end: { line: 4, character: 45 } }, severity: 2, source: 'dmlint' },
    ]);
    expect(opened.diagnostics[0]!.codeDescription?.href).toMatch(/docs\/rules\/no-excessive-punctuation\.md$/);

    // An incremental change: "!!!" becomes "!".
    const changed = await client.changeAndWait(file, [{ range: { start: { line: 4, character: 42 }, end: { line: 4, character: 45 } }, newText: '!' }]);
    expect(changed.diagnostics.map((d) => d.range.start)).toEqual([{ line: 4, character: 17 }]);

    // A Twitter draft over 140 characters, typed as a whole new text.
    const long = `---\nplatform: twitter\naudience: follower\n---\nHi {{first_name}}, ${'thanks for the follow and the kind words. '.repeat(4)}Want the guide?\n`;
    const twitter = await client.changeAndWait(file, long);
    expect(rules(twitter.diagnostics)).toContain('twitter/max-length');

    const closed = await client.close(file);
    expect(closed.diagnostics).toEqual([]);
    expect(await client.shutdown()).toBe(0);
  });

  it("uses the config found from the draft's own folder, with its overrides and ignores", async () => {
    const { dir, client } = start({
      '.dmlintrc.json': JSON.stringify({ overrides: [{ files: ['strict/**'], rules: { 'no-excessive-punctuation': 'error' } }], ignores: ['archive/**'] }),
      'team/.dmlintrc.json': JSON.stringify({ rules: { 'no-excessive-punctuation': 'off' } }),
    });
    await client.initialize();
    const plain = await client.open(path.join(dir, 'drafts/a.md'), PUNCTUATION);
    expect(plain.diagnostics.map((d) => d.severity)).toEqual([2, 2]);
    const strict = await client.open(path.join(dir, 'strict/a.md'), PUNCTUATION);
    expect(strict.diagnostics.map((d) => d.severity)).toEqual([1, 1]);
    const team = await client.open(path.join(dir, 'team/a.md'), PUNCTUATION);
    expect(team.diagnostics).toEqual([]);
    const archived = await client.open(path.join(dir, 'archive/a.md'), PUNCTUATION);
    expect(archived.diagnostics).toEqual([]);
  });

  it('lints a Markdown buffer that is not a file, and leaves other languages alone', async () => {
    const { dir, client } = start({});
    await client.initialize();
    const untitled = client.next('untitled:Untitled-1');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'untitled:Untitled-1', languageId: 'markdown', version: 1, text: PUNCTUATION } });
    expect(rules((await untitled).diagnostics)).toEqual(['no-excessive-punctuation', 'no-excessive-punctuation']);
    const other = path.join(dir, 'notes.txt');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(other), languageId: 'plaintext', version: 1, text: PUNCTUATION } });
    const markdown = await client.open(path.join(dir, 'b.md'), PUNCTUATION);
    expect(markdown.diagnostics).toHaveLength(2);
    expect(client.published.some((params) => params.uri === uriOf(other))).toBe(false);
  });

  it('coalesces a burst of 200 changes and publishes the last version', async () => {
    const { dir, client } = start({});
    await client.initialize();
    const file = path.join(dir, 'burst.md');
    await client.open(file, '---\nplatform: facebook\naudience: customer\n---\nHi\n');
    const before = client.published.length;
    const typed = ' Your order has shipped!!';
    let text = '---\nplatform: facebook\naudience: customer\n---\nHi\n';
    const last = client.next(uriOf(file), (params) => params.version === 201);
    for (let i = 0; i < 200; i++) {
      const character = typed[i % typed.length]!;
      await client.change(file, [{ range: { start: { line: 4, character: 2 + i }, end: { line: 4, character: 2 + i } }, newText: character }]);
      text = `${text.slice(0, text.length - 1)}${character}\n`;
    }
    const final = await last;
    const expected = (text.match(/!!/g) ?? []).length;
    expect(final.diagnostics.filter((d) => d.code === 'no-excessive-punctuation')).toHaveLength(expected);
    // Debounced: far fewer lints than changes, none of them of a stale version after the last.
    const during = client.published.slice(before);
    expect(during.length).toBeLessThan(20);
    expect(during.at(-1)!.version).toBe(201);
  });

  it('lints a 1 MB draft and follows a change at its end', async () => {
    const { dir, client } = start({});
    await client.initialize();
    const file = path.join(dir, 'big.md');
    const paragraph = 'Thanks for your order, it ships on Monday and tracking follows by email. Any questions?\n\n';
    const body = paragraph.repeat(Math.ceil(1_000_000 / paragraph.length));
    const text = `---\nplatform: facebook\naudience: customer\n---\n${body}`;
    expect(text.length).toBeGreaterThan(1_000_000);
    const opened = await client.open(file, text);
    const lines = text.split('\n').length - 1;
    // One draft of a million characters, over Facebook's limit: where the CLI's report puts it.
    const { lintText } = await import('../src/api/lint.js');
    const expected = (await lintText(text, { cwd: dir, filePath: 'big.md' })).diagnostics.map((d) => ({
      code: d.ruleId,
      range: { start: { line: d.line - 1, character: d.column - 1 }, end: { line: d.endLine - 1, character: d.endColumn - 1 } },
    }));
    expect(expected.map((d) => d.code)).toEqual(['facebook/max-length']);
    expect(opened.diagnostics.map((d) => ({ code: d.code, range: d.range }))).toEqual(expected);
    const changed = await client.changeAndWait(file, [{ range: { start: { line: lines, character: 0 }, end: { line: lines, character: 0 } }, newText: 'Ready?!?' }]);
    expect(changed.diagnostics.map((d) => ({ code: d.code, range: d.range }))).toContainEqual({
      code: 'no-excessive-punctuation',
      range: { start: { line: lines, character: 5 }, end: { line: lines, character: 8 } },
    });
  });
});

describe('language server: limits', () => {
  it('does not lint a draft over 5 million characters as it is typed, and says so once', async () => {
    const { dir, client } = start({});
    await client.initialize();
    const opened = await client.open(path.join(dir, 'huge.md'), 'Hi!! '.repeat(1_000_001));
    expect(opened.diagnostics).toHaveLength(1);
    expect(opened.diagnostics[0]).toMatchObject({ severity: 3, source: 'dmlint', message: expect.stringMatching(/not linted as you type: 5\.0 million characters/) });
  });
});

describe('language server: code actions', () => {
  it("applies one rule's fix, or all fixes at once", async () => {
    const { dir, client } = start({});
    await client.initialize();
    const file = path.join(dir, 'a.md');
    const uri = uriOf(file);
    const opened = await client.open(file, PUNCTUATION);

    const actions = await actionsAt(client, file, opened, 1);
    expect(actions.map((action) => action.title)).toEqual([
      'Fix this no-excessive-punctuation problem',
      'Disable no-excessive-punctuation for this line',
      'Disable no-excessive-punctuation for the entire file',
      'Show documentation for no-excessive-punctuation',
      'Fix all auto-fixable dmlint problems',
    ]);
    const one = applyEdits(PUNCTUATION, editsFor(actions[0]!.edit, uri));
    expect(one).toBe(PUNCTUATION.replace('shipped!!!', 'shipped!'));
    const all = applyEdits(PUNCTUATION, editsFor(actions[4]!.edit, uri));
    expect(all).toBe(PUNCTUATION.replace('!!', '!').replace('!!!', '!'));
    expect((await client.changeAndWait(file, all)).diagnostics).toEqual([]);

    // As editor.codeActionsOnSave asks: source.fixAll only.
    await client.changeAndWait(file, PUNCTUATION);
    const onSave = await actionsAt(client, file, opened, 0, { only: ['source.fixAll'] });
    expect(onSave.map((action) => action.kind)).toEqual(['source.fixAll.dmlint']);
    expect(applyEdits(PUNCTUATION, editsFor(onSave[0]!.edit, uri))).toBe(all);
  });

  it('disables the rule for the line or the file with a control comment, and the draft reads the same', async () => {
    const { dir, client } = start({});
    await client.initialize();
    const file = path.join(dir, 'a.md');
    const uri = uriOf(file);
    const text = '---\nplatform: facebook\naudience: customer\n---\nHi {{first_name}}!!\nYour order has shipped!!!\nAny questions?!?\n';
    const opened = await client.open(file, text);
    expect(opened.diagnostics.map((d) => d.range.start.line)).toEqual([4, 5, 6]);

    // Line 6 continues the paragraph: a comment line there would split it, so the comment goes
    // at the end of the line above, inside the paragraph.
    const line = (await actionsAt(client, file, opened, 1)).find((action) => action.title.endsWith('for this line'))!;
    const disabledLine = applyEdits(text, editsFor(line.edit, uri));
    expect(disabledLine).toBe(text.replace('{{first_name}}!!\n', '{{first_name}}!!<!-- dmlint-disable-next-line no-excessive-punctuation -->\n'));
    const afterLine = await client.changeAndWait(file, disabledLine);
    expect(afterLine.diagnostics.map((d) => d.range.start.line)).toEqual([4, 6]);

    // The first line of the paragraph gets a comment line of its own; a second rule on a line
    // already disabled for one is added to the same comment.
    const first = (await actionsAt(client, file, afterLine, 0)).find((action) => action.title.endsWith('for this line'))!;
    const disabledFirst = applyEdits(disabledLine, editsFor(first.edit, uri));
    expect(disabledFirst.split('\n')[4]).toBe('<!-- dmlint-disable-next-line no-excessive-punctuation -->');
    const afterFirst = await client.changeAndWait(file, disabledFirst);
    expect(afterFirst.diagnostics.map((d) => d.range.start.line)).toEqual([7]);

    const whole = (await actionsAt(client, file, afterFirst, 0)).find((action) => action.title.endsWith('for the entire file'))!;
    const disabledFile = applyEdits(disabledFirst, editsFor(whole.edit, uri));
    expect(disabledFile.split('\n').slice(3, 6)).toEqual(['---', '<!-- dmlint-disable no-excessive-punctuation -->', '<!-- dmlint-disable-next-line no-excessive-punctuation -->']);
    expect((await client.changeAndWait(file, disabledFile)).diagnostics).toEqual([]);

    // What the recipient receives is unchanged: the same text as before any comment.
    const { lintText } = await import('../src/api/lint.js');
    const { resolveConfig } = await import('../src/api/config.js');
    const config = await resolveConfig({ rules: { 'no-excessive-punctuation': 'off' } }, undefined, dir);
    const lengthOf = async (source: string) => (await lintText(source, { config, cwd: dir, filePath: 'a.md' })).drafts[0]!.length;
    expect(await lengthOf(disabledFile)).toBe(await lengthOf(text));
  });

  it('offers no disable comment for a problem in the frontmatter, which no comment can precede', async () => {
    const { dir, client } = start({});
    await client.initialize();
    const file = path.join(dir, 'a.md');
    const opened = await client.open(file, '---\nplatform: tweeter\n---\nHello there.\n');
    const index = opened.diagnostics.findIndex((d) => d.code === 'invalid-metadata');
    expect(index).toBeGreaterThanOrEqual(0);
    const titles = (await actionsAt(client, file, opened, index)).map((action) => action.title);
    expect(titles).toEqual(['Show documentation for invalid-metadata']);
  });

  it('computes disable edits on resolve for clients that resolve actions lazily', async () => {
    const { dir, client } = start({});
    await client.initialize({ textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } });
    const file = path.join(dir, 'a.md');
    const opened = await client.open(file, PUNCTUATION);
    const lazy = (await actionsAt(client, file, opened, 0)).find((action) => action.title.endsWith('for this line'))!;
    expect(lazy.edit).toBeUndefined();
    const resolved = (await client.connection.sendRequest(CodeActionResolveRequest.type, lazy)) as CodeAction;
    expect(applyEdits(PUNCTUATION, editsFor(resolved.edit, uriOf(file))).split('\n')[4]).toBe('<!-- dmlint-disable-next-line no-excessive-punctuation -->');
  });

  it('applies all fixes through executeCommand and workspace/applyEdit, and opens the rule page', async () => {
    const { dir, client } = start({});
    await client.initialize({ window: { showDocument: { support: true } } });
    const file = path.join(dir, 'a.md');
    const opened = await client.open(file, PUNCTUATION);
    await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'dmlint.applyAllFixes', arguments: [uriOf(file)] });
    expect(client.appliedEdits).toHaveLength(1);
    expect(applyEdits(PUNCTUATION, editsFor(client.appliedEdits[0], uriOf(file)))).toBe(PUNCTUATION.replace('!!', '!').replace('!!!', '!'));

    const docs = (await actionsAt(client, file, opened, 0)).find((action) => action.command)!;
    await client.connection.sendRequest(ExecuteCommandRequest.type, docs.command!);
    expect(client.shownDocuments).toEqual([{ uri: opened.diagnostics[0]!.codeDescription!.href, external: true }]);
    await expect(client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'dmlint.nothing', arguments: [] })).rejects.toThrow(/unknown command/);
  });
});

describe('language server: hover', () => {
  it("shows the rule's explanation from its page on the problem's range, nothing elsewhere", async () => {
    const { dir, client } = start({});
    await client.initialize();
    const file = path.join(dir, 'a.md');
    const opened = await client.open(file, PUNCTUATION);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf(file) }, position: opened.diagnostics[0]!.range.start });
    const value = (hover!.contents as { value: string }).value;
    const page = readFileSync(path.join(ROOT, 'docs/rules/no-excessive-punctuation.md'), 'utf8');
    const why = /## Why\n\n([^\n]+)/.exec(page)![1]!;
    expect(value).toContain('`no-excessive-punctuation`');
    expect(value).toContain(why);
    expect(value).toContain('A fix is available');
    const nothing = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf(file) }, position: { line: 4, character: 0 } });
    expect(nothing).toBeNull();
  });
});

describe('language server: config and plugin changes', () => {
  it('picks up config and plugin edits, shows a broken config as one diagnostic and recovers', async () => {
    const { dir, client } = start({ '.dmlintrc.json': JSON.stringify({ plugins: ['./house-style.mjs'] }) });
    copyFileSync(path.join(FIXTURES, 'plugins/house-style.mjs'), path.join(dir, 'house-style.mjs'));
    await client.initialize({ workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } });
    const file = path.join(dir, 'inmail.md');
    const text = readFileSync(path.join(FIXTURES, 'plugins/invalid-subject.md'), 'utf8');
    const opened = await client.open(file, text);
    const plugin = opened.diagnostics.find((d) => d.code === 'house/no-exclamation-subject')!;
    expect(plugin.message).toBe('No "!" in the subject line');
    // The server asked to be told about config files and the plugin.
    const watched = JSON.stringify(client.registrations);
    expect(watched).toContain('.dmlintrc.json');
    expect(watched).toContain('house-style.mjs');

    // The plugin's message changes on disk: the open draft is linted again with the new code.
    const pluginFile = path.join(dir, 'house-style.mjs');
    writeFileSync(pluginFile, readFileSync(pluginFile, 'utf8').replace("exclamation: 'No \"!\" in the subject line'", "exclamation: 'Subject lines go without \"!\"'"));
    let next = client.next(uriOf(file), (params) => params.diagnostics.some((d) => d.message === 'Subject lines go without "!"'));
    await client.filesChanged([{ file: pluginFile, type: 2 }]);
    await next;

    // A broken config: one diagnostic, and the server keeps answering.
    writeFileSync(path.join(dir, '.dmlintrc.json'), '{ "rules": { "no-such-rule": "error" } }');
    next = client.next(uriOf(file), (params) => params.diagnostics.length === 1 && /config/.test(params.diagnostics[0]!.message));
    await client.filesChanged([{ file: path.join(dir, '.dmlintrc.json'), type: 2 }]);
    const broken = await next;
    expect(broken.diagnostics[0]!.message).toMatch(/unknown rule "no-such-rule"/);
    expect(broken.diagnostics[0]!.severity).toBe(1);

    // Fixed again, this time without a notification (clients that do not watch files): the
    // next change reads the config again.
    writeFileSync(path.join(dir, '.dmlintrc.json'), JSON.stringify({ rules: { 'linkedin/inmail-subject': 'off' } }));
    const healed = await client.changeAndWait(file, `${text}\n`);
    expect(rules(healed.diagnostics)).not.toContain('house/no-exclamation-subject');
    expect(healed.diagnostics.every((d) => d.source === 'dmlint' && d.code !== undefined)).toBe(true);
  });
});

describe('language server: robustness', () => {
  it('writes no file', async () => {
    const { dir, client } = start({ 'a.md': PUNCTUATION, '.dmlintrc.json': '{}' });
    const before = snapshot(dir);
    await client.initialize({ textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } });
    const file = path.join(dir, 'a.md');
    const opened = await client.open(file, PUNCTUATION);
    for (const action of await actionsAt(client, file, opened, 0)) {
      if (action.data) await client.connection.sendRequest(CodeActionResolveRequest.type, action);
    }
    await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'dmlint.applyAllFixes', arguments: [uriOf(file)] });
    await client.changeAndWait(file, 'changed!!\n');
    expect(await client.shutdown()).toBe(0);
    expect(snapshot(dir)).toEqual(before);
  });

  it('keeps stdout for the protocol when a plugin logs with console.log', async () => {
    const noisy = `console.log('noisy plugin loaded');
export const rules = [{ meta: { id: 'house/noisy', description: 'Logs.', platforms: [], schema: { type: 'object' }, defaultOptions: {}, messages: {} },
  create(context) { return { draft(draft) { console.log('linting draft', draft.index); context.report({ draft, message: 'noisy' }); } }; } }];
`;
    const { dir, client } = start({ '.dmlintrc.json': JSON.stringify({ plugins: ['./noisy.mjs'] }), 'noisy.mjs': noisy });
    await client.initialize();
    const opened = await client.open(path.join(dir, 'a.md'), PUNCTUATION);
    expect(rules(opened.diagnostics)).toContain('house/noisy');
    await expect.poll(() => client.stderr.join('')).toContain('noisy plugin loaded');
  });

  it('exits when the client goes away without a shutdown (code 1), and after shutdown and exit (code 0)', async () => {
    const { client } = start({});
    await client.initialize();
    client.child.stdin!.end();
    expect(await client.exited).toBe(1);
  });
});
