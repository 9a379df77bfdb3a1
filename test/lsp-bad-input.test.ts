// Bad input to the language server, written as raw bytes on its stdin: it answers with a
// JSON-RPC error and keeps serving.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { MessageSizeLimit } from '../src/cli/editor/message-limit.js';
import { ROOT, tempProject } from './helpers.js';

const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
const request = (id: number, method: string, params: unknown = {}) => frame(JSON.stringify({ jsonrpc: '2.0', id, method, params }));

class RawServer {
  readonly child: ChildProcess;
  private buffer = Buffer.alloc(0);
  private messages: Record<string, unknown>[] = [];
  private waiting: (() => void)[] = [];

  constructor(cwd: string) {
    this.child = spawn(process.execPath, [path.join(ROOT, 'bin/dmlint.js'), '--lsp'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      for (;;) {
        const end = this.buffer.indexOf('\r\n\r\n');
        if (end < 0) break;
        const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString())![1]);
        if (this.buffer.length < end + 4 + length) break;
        this.messages.push(JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString()));
        this.buffer = this.buffer.subarray(end + 4 + length);
      }
      for (const wake of this.waiting.splice(0)) wake();
    });
  }

  write(data: string | Buffer): Promise<void> {
    return new Promise((resolve) => this.child.stdin!.write(data, () => resolve()));
  }

  /** The next message matching `test`, waiting for it. */
  async take(test: (message: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
    for (;;) {
      const index = this.messages.findIndex(test);
      if (index >= 0) return this.messages.splice(index, 1)[0]!;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }
}

const servers: RawServer[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.child.kill();
});

function startRaw(): RawServer {
  const server = new RawServer(tempProject({}, 'dmlint-lsp-raw-'));
  servers.push(server);
  return server;
}

const errorWithNullId = (message: Record<string, unknown>) => message.id === null && typeof message.error === 'object';

describe('language server: bad input', () => {
  it('answers a body that is not JSON with a parse error, then serves the next request', async () => {
    const server = startRaw();
    await server.write(frame('{"jsonrpc": "2.0", "id": 1, "method": '));
    const error = await server.take(errorWithNullId);
    expect((error.error as { code: number }).code).toBe(-32700);
    await server.write(request(2, 'initialize', { processId: null, rootUri: null, capabilities: {} }));
    const answer = await server.take((message) => message.id === 2);
    expect((answer.result as { serverInfo: { name: string } }).serverInfo.name).toBe('dmlint');
  });

  it('answers an unknown method with MethodNotFound and ignores unknown notifications', async () => {
    const server = startRaw();
    await server.write(request(1, 'initialize', { processId: null, rootUri: null, capabilities: {} }));
    await server.take((message) => message.id === 1);
    await server.write(frame(JSON.stringify({ jsonrpc: '2.0', method: 'dmlint/unknownNotification', params: {} })));
    await server.write(request(2, 'dmlint/unknownRequest'));
    const answer = await server.take((message) => message.id === 2);
    expect((answer.error as { code: number }).code).toBe(-32601);
    await server.write(request(3, 'textDocument/hover', { textDocument: { uri: 'file:///nowhere.md' }, position: { line: 0, character: 0 } }));
    expect((await server.take((message) => message.id === 3)).result).toBeNull();
  });

  it('skips a message over 64 MiB with an error and reads on', async () => {
    const server = startRaw();
    const size = 64 * 1024 * 1024 + 1;
    await server.write(`Content-Length: ${size}\r\n\r\n`);
    const block = Buffer.alloc(1024 * 1024, 0x20);
    for (let sent = 0; sent < size; sent += block.length) await server.write(block.subarray(0, Math.min(block.length, size - sent)));
    const error = await server.take(errorWithNullId);
    expect((error.error as { code: number; message: string }).message).toMatch(/67108865 bytes skipped/);
    await server.write(request(1, 'initialize', { processId: null, rootUri: null, capabilities: {} }));
    expect((await server.take((message) => message.id === 1)).result).toBeDefined();
  });
});

describe('MessageSizeLimit', () => {
  it('passes framed messages through byte for byte, split anywhere, and drops the ones over the limit', async () => {
    const skipped: number[] = [];
    const limit = new MessageSizeLimit(10, (length) => skipped.push(length));
    const input = new PassThrough();
    const out: Buffer[] = [];
    input.pipe(limit).on('data', (chunk: Buffer) => out.push(chunk));
    const small = frame('{"a":1}');
    const large = frame('{"a":"0123456789"}');
    const stream = Buffer.from(small + large + small);
    // One byte at a time: headers and bodies cut at every possible place.
    for (const byte of stream) input.write(Buffer.from([byte]));
    input.end();
    await new Promise((resolve) => limit.on('end', resolve));
    expect(Buffer.concat(out).toString()).toBe(small + small);
    expect(skipped).toEqual([18]);
  });
});
