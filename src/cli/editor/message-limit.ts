/**
 * A size limit in front of the language server's input. LSP frames each message with a
 * Content-Length header; vscode-jsonrpc buffers a message whole, whatever it announces, so a
 * client sending a message of gigabytes would grow the server until it died. This stream passes
 * messages through untouched up to `limit` bytes, and skips larger ones (reporting each), so the
 * server answers with an error and stays up.
 */
import { Transform, type TransformCallback } from 'node:stream';

const HEADER_END = Buffer.from('\r\n\r\n');
/** Header blocks are a few dozen bytes: this much without an end is not LSP. */
const MAX_HEADER = 64 * 1024;

export class MessageSizeLimit extends Transform {
  private header: Buffer = Buffer.alloc(0);
  private passing = 0;
  private skipping = 0;

  constructor(
    private readonly limit: number,
    private readonly onTooLarge: (length: number) => void,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let data = chunk;
    while (data.length > 0) {
      if (this.passing > 0 || this.skipping > 0) {
        const take = Math.min(data.length, this.passing || this.skipping);
        if (this.passing > 0) {
          this.push(data.subarray(0, take));
          this.passing -= take;
        } else {
          this.skipping -= take;
        }
        data = data.subarray(take);
        continue;
      }
      this.header = this.header.length ? Buffer.concat([this.header, data]) : data;
      data = Buffer.alloc(0);
      const end = this.header.indexOf(HEADER_END);
      if (end < 0) {
        // Not a header: hand it on, and let the protocol reader report what it is.
        if (this.header.length > MAX_HEADER) this.flushHeader();
        break;
      }
      const block = this.header.subarray(0, end + HEADER_END.length);
      data = this.header.subarray(end + HEADER_END.length);
      this.header = Buffer.alloc(0);
      const length = /(?:^|\r\n)content-length:[ \t]*(\d+)[ \t]*(?:\r\n|$)/i.exec(block.toString('latin1'))?.[1];
      if (length !== undefined && Number(length) > this.limit) {
        this.skipping = Number(length);
        this.onTooLarge(Number(length));
        continue;
      }
      this.push(block);
      this.passing = length === undefined ? 0 : Number(length);
    }
    done();
  }

  private flushHeader(): void {
    this.push(this.header);
    this.header = Buffer.alloc(0);
  }

  override _flush(done: TransformCallback): void {
    if (this.header.length) this.flushHeader();
    done();
  }
}
