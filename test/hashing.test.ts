import { describe, expect, it } from 'vitest';
import { hashKey, KeyVerifier, VerifierBusyError } from '../src/domains/api-keys/hashing.ts';
import { generateKey, parseKey } from '../src/lib/key-format.ts';

describe('key format', () => {
  it('generates keys that parse back to their public id, with at least 128 bits of secret', () => {
    const keys = Array.from({ length: 200 }, generateKey);
    for (const k of keys) expect(parseKey(k.key)).toEqual({ publicId: k.publicId });
    expect(new Set(keys.map((k) => k.key)).size).toBe(200);
    // Measured on what was generated, not read from a constant: the secret part's length and the symbols it uses
    // (6,400 draws from 62 symbols miss one with probability ~1e-42).
    const secrets = keys.map((k) => /^ksk_[0-9A-Za-z]{12}_([0-9A-Za-z]+)$/.exec(k.key.slice(0, -6))![1]);
    expect(new Set(secrets.map((s) => s.length))).toEqual(new Set([32]));
    const symbols = new Set(secrets.join(''));
    expect(symbols.size).toBe(62);
    expect(Math.floor(32 * Math.log2(symbols.size))).toBeGreaterThanOrEqual(128);
  });

  it('rejects any single changed character through the checksum', () => {
    const { key } = generateKey();
    for (let i = 4; i < key.length; i++) {
      if (key[i] === '_') continue;
      const changed = key.slice(0, i) + (key[i] === 'a' ? 'b' : 'a') + key.slice(i + 1);
      expect(parseKey(changed), `position ${i}`).toBeNull();
    }
  });
});

describe('KeyVerifier', () => {
  it('keeps at most maxEntries verdicts: the least recently used is evicted, counted, and paid for again', async () => {
    const [a, b] = [generateKey().key, generateKey().key];
    const [hashA, hashB] = [await hashKey(a), await hashKey(b)];
    const verifier = new KeyVerifier({ maxConcurrency: 1, maxEntries: 1 });
    expect(await verifier.verify(hashA, a)).toBe(true);
    expect(await verifier.verify(hashB, b)).toBe(true);
    expect(verifier.stats.evictions).toBe(1);
    expect(verifier.knownVerdict(hashA, a)).toBeUndefined();
    expect(await verifier.verify(hashA, a)).toBe(true);
    expect(await verifier.verify(hashA, b)).toBe(false);
    expect(verifier.stats).toMatchObject({ argon2Verifications: 4, evictions: 3 });
  });

  it('pays argon2 once per (hash, key) pair, binds verdicts to the stored hash, and shares concurrent first checks', async () => {
    const { key } = generateKey();
    const [hash, otherHash] = [await hashKey(key), await hashKey(generateKey().key)];
    const verifier = new KeyVerifier({ maxConcurrency: 1 });
    const results = await Promise.all(Array.from({ length: 10 }, () => verifier.verify(hash, key)));
    expect(results.every(Boolean)).toBe(true);
    expect(verifier.stats.argon2Verifications).toBe(1);
    expect(await verifier.verify(otherHash, key)).toBe(false); // a recreated key's hash never matches the old verdict
    expect(verifier.stats.argon2Verifications).toBe(2);
    expect(verifier.knownVerdict(hash, key)).toBe(true);
  });

  it('bounds the argon2 queue: beyond it, verifications are refused instead of piling up', async () => {
    const hash = await hashKey(generateKey().key);
    const verifier = new KeyVerifier({ maxConcurrency: 1, maxQueue: 2 });
    const outcomes = await Promise.allSettled(Array.from({ length: 6 }, () => verifier.verify(hash, generateKey().key)));
    const refused = outcomes.filter((o) => o.status === 'rejected' && o.reason instanceof VerifierBusyError).length;
    expect(refused).toBe(3); // one running, two waiting, three refused
    expect(verifier.stats.argon2Verifications).toBe(3);
  });

  it('bounds the wait by time: a verification that would start more than maxWaitMs from now is refused', async () => {
    const hash = await hashKey(generateKey().key);
    // Estimated 40 ms each, one at a time, at most 100 ms of waiting: the 1st runs, the 2nd and 3rd wait 40 and
    // 80 ms, the 4th would wait 120 ms.
    const verifier = new KeyVerifier({ maxConcurrency: 1, maxWaitMs: 100, initialEstimateMs: 40 });
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => verifier.verify(hash, generateKey().key)));
    const refused = outcomes.filter((o) => o.status === 'rejected' && o.reason instanceof VerifierBusyError).length;
    expect(refused).toBe(5);
    expect(verifier.stats.argon2Verifications).toBe(3);
  });
});
