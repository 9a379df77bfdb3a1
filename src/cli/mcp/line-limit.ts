/**
 * Whole lines, up to a size, in front of the MCP SDK's stdio transport (one JSON-RPC message a
 * line). The SDK joins its buffer with each chunk it reads, which costs time quadratic in a
 * long line's size (10 s for 16 MiB here), and closes the connection when a line passes its
 * limit. This stream gathers each line's chunks in a list and hands the line on whole; a line
 * over `limit` bytes is dropped as it arrives (reported once), and the lines after it are served.
 */
import { Transform, type TransformCallback } from 'node:stream';

const NEWLINE = 0x0a;

export class LineSizeLimit extends Transform {
  private parts: Buffer[] = [];
  private size = 0;
  private dropping = false;

  constructor(
    private readonly limit: number,
    private readonly onTooLarge: () => void,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(NEWLINE, start);
      const end = newline < 0 ? chunk.length : newline + 1;
      const piece = chunk.subarray(start, end);
      start = end;
      if (!this.dropping) {
        this.parts.push(piece);
        this.size += piece.length;
        if (this.size > this.limit) {
          this.dropping = true;
          this.parts = [];
          this.onTooLarge();
        }
      }
      if (newline >= 0) {
        if (!this.dropping) this.push(this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts));
        this.parts = [];
        this.size = 0;
        this.dropping = false;
      }
    }
    done();
  }

  override _flush(done: TransformCallback): void {
    if (!this.dropping && this.parts.length) this.push(Buffer.concat(this.parts));
    done();
  }
}
