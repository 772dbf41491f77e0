import { apiKeyProblem } from '@keysmith/sdk';
import { describe, expect, it } from 'vitest';
import { generateKey, parseKey } from '../src/lib/key-format.ts';

// The SDK's offline key check is a copy of the server's rules (it must not import server code): the two must agree.
describe('the SDK key check agrees with the server', () => {
  it('accepts every key the server generates', () => {
    for (let i = 0; i < 500; i++) {
      const { key } = generateKey();
      expect(apiKeyProblem(key), key).toBeNull();
    }
  });

  it('rejects exactly what the server rejects, for every one-character change', () => {
    const { key } = generateKey();
    const replacements = ['0', 'Z', 'z', '_', '-', ' ', 'é'];
    for (let at = 0; at < key.length; at++) {
      for (const c of replacements) {
        const candidate = key.slice(0, at) + c + key.slice(at + 1);
        if (candidate === key) continue;
        expect(apiKeyProblem(candidate) === null, `${at}:${c}`).toBe(parseKey(candidate) !== null);
      }
    }
  });

  it('says which part is wrong', () => {
    const { key } = generateKey();
    expect(apiKeyProblem(`${key} `)).toMatch(/spaces or a line break/);
    expect(apiKeyProblem('eyJhbGciOiJIUzI1NiJ9.e30.x')).toMatch(/does not start with "ksk_"/);
    expect(apiKeyProblem(key + key)).toMatch(/110 characters long, a key has 55/);
    expect(apiKeyProblem(`ksk_${'-'.repeat(12)}${key.slice(16)}`)).toMatch(/its id part/);
    expect(apiKeyProblem(`${key.slice(0, 16)}X${key.slice(17)}`)).toMatch(/no "_" after/);
    const flipped = key.slice(0, 20) + (key[20] === 'A' ? 'B' : 'A') + key.slice(21);
    expect(apiKeyProblem(flipped)).toMatch(/checksum \(the last 6 characters\) does not match/);
  });
});
