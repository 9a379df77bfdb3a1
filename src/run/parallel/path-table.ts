/**
 * A run's list of file paths as UTF-8 bytes in shared memory, for runs on worker threads. Every
 * thread reads the one copy, and the bytes live outside the JavaScript heaps: an array of
 * 100,000 path strings was 10 MB of live heap in the main thread and again in each worker, and
 * V8 sizes a heap at a few times what it holds (bench/README.md, 100,000 drafts).
 * test/path-table.test.ts checks that every path comes back as it went in, and that a run on
 * worker threads, which read their paths from the table, gives what a run on one thread gives.
 */
export interface PathList {
  readonly length: number;
  at(index: number): string | undefined;
}

export interface SharedPaths {
  bytes: SharedArrayBuffer;
  /** Int32: path i is bytes [ends[i - 1] ?? 0, ends[i]). */
  ends: SharedArrayBuffer;
}

export class PathTable implements PathList {
  readonly length: number;
  private readonly bytes: Buffer;
  private readonly ends: Int32Array;

  constructor(readonly shared: SharedPaths) {
    this.bytes = Buffer.from(shared.bytes);
    this.ends = new Int32Array(shared.ends);
    this.length = this.ends.length;
  }

  static from(paths: PathList): PathTable {
    let size = 0;
    for (let i = 0; i < paths.length; i++) size += Buffer.byteLength(paths.at(i)!);
    const bytes = Buffer.from(new SharedArrayBuffer(size));
    const ends = new Int32Array(new SharedArrayBuffer(paths.length * 4));
    let offset = 0;
    for (let i = 0; i < paths.length; i++) {
      offset += bytes.write(paths.at(i)!, offset);
      ends[i] = offset;
    }
    return new PathTable({ bytes: bytes.buffer as SharedArrayBuffer, ends: ends.buffer as SharedArrayBuffer });
  }

  at(index: number): string | undefined {
    if (index < 0 || index >= this.length) return undefined;
    return this.bytes.toString('utf8', index === 0 ? 0 : this.ends[index - 1], this.ends[index]);
  }
}
