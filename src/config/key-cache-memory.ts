/**
 * Heap taken by one entry of the per-process key caches, measured by `BENCH_ONLY=cache npm run bench` (heap growth
 * after garbage collection, divided by the keys cached: 1,895 bytes over 5,000 project keys, Node 20; rounded up to
 * leave room for keys with more grants or addresses). Used for the memory bound checked at start-up (config.ts) and
 * quoted in README and SECURITY.md; the bench says when a measurement exceeds it.
 */
export const KEY_CACHE_BYTES_PER_KEY = 2048;
/** One remembered argon2 verdict: a 44-character digest and a boolean in an LRU entry. */
export const KEY_VERDICT_BYTES_PER_ENTRY = 256;
