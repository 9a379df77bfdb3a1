// `npm run bench:editor`: how long the language server takes from a change to its diagnostics,
// as an editor sees it: `dmlint --lsp` driven over stdio by vscode-languageserver-protocol's
// client, didChange sent, the clock stopped when publishDiagnostics for that version arrives.
// Median (and min, max) of 20 changes per case, after 3 warm-up changes, for a 140-character
// Twitter DM and a 1 MB draft, with the default pause after typing (150 ms) and without (delay
// 0: the lint alone plus the protocol). Options: --runs N.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const RUNS = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 20;
const WARMUP = 3;

// The message is 140 characters as written.
const message = 'Hi {{first_name}}, thanks for the follow! Our onboarding guide for small teams is out this week, free as ever. Want me to send you the link?';
const dm = `---\nplatform: twitter\naudience: follower\n---\n${message}\n`;
if (message.length !== 140) throw new Error(`the DM is ${message.length} characters, not 140`);
const paragraph = 'Thanks for your order, it ships on Monday and tracking follows by email. Any questions?\n\n';
const big = `---\nplatform: facebook\naudience: customer\n---\n${paragraph.repeat(Math.ceil(1_000_000 / paragraph.length))}`;

async function measure(name, text, delay) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dmlint-bench-lsp-'));
  const child = spawn(process.execPath, [path.join(root, 'bin/dmlint.js'), '--lsp'], { cwd: dir, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => waiting.get(params.version)?.(params));
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {}, ...(delay === undefined ? {} : { initializationOptions: { delay } }) });
  await connection.sendNotification(InitializedNotification.type, {});
  const uri = pathToFileURL(path.join(dir, 'draft.md')).href;
  const published = (version) => new Promise((resolve) => waiting.set(version, resolve));
  let opened = published(1);
  await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await opened;
  const lines = text.split('\n').length - 1;
  const times = [];
  for (let run = 0; run < WARMUP + RUNS; run++) {
    const version = run + 2;
    const arrived = published(version);
    const started = performance.now();
    // Typing one character at the end of the draft's last line, then deleting it, in turn.
    const at = { line: lines - (text.endsWith('\n\n') ? 2 : 1), character: 0 };
    const change = run % 2 === 0 ? { range: { start: at, end: at }, text: 'x' } : { range: { start: at, end: { line: at.line, character: 1 } }, text: '' };
    await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
    const params = await arrived;
    if (run >= WARMUP) times.push(performance.now() - started);
    if (!params) throw new Error('no diagnostics');
  }
  connection.dispose();
  child.kill();
  rmSync(dir, { recursive: true, force: true });
  times.sort((a, b) => a - b);
  const median = times.length % 2 ? times[(times.length - 1) / 2] : (times[times.length / 2 - 1] + times[times.length / 2]) / 2;
  return { case: name, delay: delay ?? 'default (150)', median: median.toFixed(1), min: times[0].toFixed(1), max: times.at(-1).toFixed(1) };
}

const results = [];
for (const delay of [undefined, 0]) {
  results.push(await measure(`${message.length}-character DM`, dm, delay));
  results.push(await measure(`${(big.length / 1e6).toFixed(2)} MB draft`, big, delay));
}
console.log(`didChange -> publishDiagnostics, ms, ${RUNS} changes each (node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)})`);
console.table(results);
