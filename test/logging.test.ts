import { Writable } from 'node:stream';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { generateKey } from '../src/lib/key-format.ts';
import { hashKey } from '../src/domains/api-keys/hashing.ts';
import { createMaskError } from '../src/graphql/mask-error.ts';
import { createLogger } from '../src/logger.ts';
import { requestScope } from '../src/request-context.ts';
import { signToken } from './support/client.ts';

function capture() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger('info', sink), lines };
}

describe('log redaction', () => {
  it('censors the authorization header, secrets and hashes wherever a caller puts them in a log record', async () => {
    const { key } = generateKey();
    const hash = await hashKey(key);
    const token = await signToken({ sub: 'redaction' });
    const { logger, lines } = capture();
    logger.info({ req: { headers: { authorization: `Bearer ${token}`, 'user-agent': 'curl' } } }, 'request');
    logger.info({ headers: { authorization: `Bearer ${key}` } }, 'headers');
    logger.info({ authorization: `Bearer ${key}`, secret: key, secretHash: hash }, 'top level');
    logger.info({ apiKey: { secret: key, secretHash: hash, name: 'CI key' } }, 'nested');

    const text = lines.join('\n');
    for (const value of [token, key, key.slice(17), hash]) expect(text).not.toContain(value);
    const records = lines.map((l) => JSON.parse(l));
    expect(records[0].req.headers).toEqual({ authorization: '[redacted]', 'user-agent': 'curl' });
    expect(records[1].headers.authorization).toBe('[redacted]');
    expect(records[2]).toMatchObject({ authorization: '[redacted]', secret: '[redacted]', secretHash: '[redacted]' });
    expect(records[3].apiKey).toEqual({ secret: '[redacted]', secretHash: '[redacted]', name: 'CI key' });
  });
});

describe('masked errors', () => {
  it('log the detail of an unexpected error with every key, hash and bearer token scrubbed, and tell the client nothing', async () => {
    const { key, prefix } = generateKey();
    const hash = await hashKey(key);
    const token = await signToken({ sub: 'scrubbing' });
    const { logger, lines } = capture();
    const maskError = createMaskError(logger);
    const cause = new Error(`insert failed for ${key} with ("secretHash") = (${hash}) sent with Authorization: Bearer ${token}`);
    const error = new GraphQLError(cause.message, { originalError: cause, path: ['rotateApiKey'] });

    const masked = requestScope.run({ requestId: 'req-scrub-0001', startedAt: 0 }, () => maskError(error)) as GraphQLError;
    expect(masked.message).toBe('Unexpected error. Request id: req-scrub-0001');
    expect(JSON.stringify(masked)).not.toContain(prefix);

    const text = lines.join('\n');
    for (const value of [key, key.slice(17), hash, token]) expect(text).not.toContain(value);
    const logged = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'unexpected error');
    expect(logged).toMatchObject({ requestId: 'req-scrub-0001', level: 50 });
    // Scrubbed, not dropped: what is left still tells an operator what happened, and which key (by its prefix).
    expect(logged.err.message).toBe(`insert failed for ${prefix}_[secret] with ("secretHash") = ([argon2 hash]) sent with Authorization: Bearer [redacted]`);
    expect(logged.err.stack).toContain('[argon2 hash]');
    expect(logged.err.stack).not.toContain(hash);
  });
});
