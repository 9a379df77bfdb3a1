/**
 * What --cache keys a file's result on: a hash of its bytes. node:crypto is loaded on the first
 * call, not with the engine: a run without --cache never pays for it (~7 ms at start-up).
 */
let createHash: typeof import('node:crypto').createHash | undefined;

export function contentHash(bytes: Uint8Array | string): string {
  createHash ??= process.getBuiltinModule('node:crypto').createHash;
  return createHash('sha1').update(bytes).digest('base64url');
}
