/**
 * A 128-bit non-cryptographic hash of a string, as 32 hex digits: four FNV-1a passes over the
 * UTF-16 units from different starting values. Enough to tell problems apart in SARIF
 * fingerprints, and it spares loading node:crypto on every run.
 */
const FNV_PRIME = 16777619;
const SEEDS = [0x811c9dc5, 0x050c5d1f, 0x2f9be3a1, 0x6a09e667];

export function hash128(text: string): string {
  let out = '';
  for (const seed of SEEDS) {
    let h = seed;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, FNV_PRIME);
    }
    // Mix the seed in once more so the four passes do not move together on short strings.
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d ^ seed);
    h ^= h >>> 13;
    out += (h >>> 0).toString(16).padStart(8, '0');
  }
  return out;
}
