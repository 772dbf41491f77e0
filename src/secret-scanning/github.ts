import { createHash, verify, type KeyObject } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Clock } from '../clock.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { VerifierBusyError, type KeyVerifier } from '../domains/api-keys/hashing.ts';
import type { KeyStateCache } from '../domains/api-keys/key-state.ts';
import { keyOfLeakedSecret, recordLeak, type LeakFinding } from '../domains/api-keys/leaks.ts';
import type { SecretTags } from '../lib/secret-tag.ts';
import { newRequestId, requestScope } from '../request-context.ts';
import type { ScannerKey } from '../config/scanner-keys.ts';

export const GITHUB_REPORT_PATH = '/secret-scanning/github';
/** Who acts on a report, in audit events and webhook payloads. */
export const GITHUB_SCANNER_LABEL = 'secret-scanning:github';
/** Largest report body read; GitHub's batches are far smaller. */
export const MAX_REPORT_BYTES = 1024 * 1024;
/** Most findings in one report (each may cost one argon2 verification for a key without a current tag). */
export const MAX_REPORT_TOKENS = 1000;

const httpUrl = z
  .string()
  .max(2048)
  .refine((v) => {
    try {
      const u = new URL(v);
      return u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');

/** GitHub's secret scanning partner report. Unknown fields are ignored (GitHub may add some). */
const reportSchema = z
  .array(
    z.object({
      token: z.string().min(1).max(1024),
      type: z.string().min(1).max(200),
      url: httpUrl.nullish(),
      source: z.string().max(200).nullish(),
    }),
  )
  .max(MAX_REPORT_TOKENS, `must list at most ${MAX_REPORT_TOKENS} tokens`);

export type SecretScanningDeps = {
  keys: ScannerKey[] | null;
  prisma: PrismaClient;
  verifier: KeyVerifier;
  tags: SecretTags | null;
  keyStates: KeyStateCache;
  clock: Clock;
  logger: Logger;
};

/** Reads at most `max` bytes of the body; null when it is longer. */
async function boundedBody(request: Request, max: number): Promise<Buffer | null> {
  const declared = request.headers.get('content-length');
  if (declared !== null && (!/^\d+$/.test(declared) || Number(declared) > max)) return null;
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** ECDSA P-256 / SHA-256 over the raw body; the signature is base64 of its DER encoding (GitHub's format). */
function signatureValid(key: KeyObject, body: Buffer, signature: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(signature) || signature.length > 200) return false;
  try {
    return verify('sha256', body, { key, dsaEncoding: 'der' }, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/**
 * `POST /secret-scanning/github`: GitHub's secret scanning partner program reports `ksk_` strings found in public.
 * Each report is verified against the configured GitHub public keys before its body is even parsed (401 otherwise,
 * and nothing changes); each finding that is the full secret of an existing key is handled per its organization's
 * setting (domains/api-keys/leaks.ts) and answered `true_positive`. Findings that match no key are left out of the
 * answer, whatever the reason. Without configured keys the path does not exist (404). Tokens are never logged.
 */
export function useGithubSecretScanning(deps: SecretScanningDeps): Plugin {
  const byIdentifier = new Map((deps.keys ?? []).map((k) => [k.identifier, k.key]));
  return {
    // Every request passes here: other paths return at once, without a promise.
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== GITHUB_REPORT_PATH) return;
      return handleReport(request, endResponse, fetchAPI);
    },
  };

  async function handleReport(request: Request, endResponse: (response: Response) => void, fetchAPI: { Response: typeof Response }): Promise<void> {
    const json = (status: number, value: unknown, headers: Record<string, string> = {}) =>
      endResponse(
        new fetchAPI.Response(JSON.stringify(value), {
          status,
          headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
        }),
      );
    if (!deps.keys) return json(404, { error: 'Not Found' });
    if (request.method !== 'POST') return json(405, { error: 'Method Not Allowed' }, { allow: 'POST' });

    const body = await boundedBody(request, MAX_REPORT_BYTES);
    if (!body) return json(413, { error: `The report exceeds ${MAX_REPORT_BYTES} bytes.` });
    const identifier = request.headers.get('github-public-key-identifier');
    const signature = request.headers.get('github-public-key-signature');
    const key = identifier ? byIdentifier.get(identifier) : undefined;
    if (!key || !signature || !signatureValid(key, body, signature)) {
      return json(401, { error: 'The report is not signed by a configured secret scanning key.' });
    }

    let input: unknown;
    try {
      input = JSON.parse(body.toString('utf8'));
    } catch {
      return json(400, { error: 'The report must be JSON.' });
    }
    const parsed = reportSchema.safeParse(input);
    if (!parsed.success) {
      return json(400, {
        error: 'Invalid report.',
        issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
      });
    }

    const requestId = requestScope.getStore()?.requestId ?? newRequestId(request.headers.get('x-request-id'));
    const origin = { principal: { kind: 'system' as const, label: GITHUB_SCANNER_LABEL }, clock: deps.clock, requestId };
    const answer: { token_hash: string; token_type: string; label: 'true_positive' }[] = [];
    const answered = new Set<string>();
    const verdicts = new Map<string, Promise<{ id: string } | null>>();
    const changed: string[] = [];
    try {
      for (const item of parsed.data) {
        const finding: LeakFinding = { token: item.token, url: item.url ?? null, source: item.source ?? null };
        let verdict = verdicts.get(finding.token);
        if (!verdict) verdicts.set(finding.token, (verdict = keyOfLeakedSecret(deps.prisma, { verifier: deps.verifier, tags: deps.tags }, finding.token)));
        const match = await verdict;
        if (!match) continue;
        const outcome = await recordLeak(deps.prisma, origin, match.id, { url: finding.url, source: finding.source });
        if (outcome.kind === 'gone') continue;
        if (outcome.kind !== 'duplicate') changed.push(`${outcome.kind}:${outcome.publicId}:${outcome.action}`);
        const tokenHash = createHash('sha256').update(finding.token).digest('hex');
        if (answered.has(`${tokenHash} ${item.type}`)) continue;
        answered.add(`${tokenHash} ${item.type}`);
        answer.push({ token_hash: tokenHash, token_type: item.type, label: 'true_positive' });
      }
    } catch (error) {
      if (error instanceof VerifierBusyError) return json(503, { error: 'Busy: send the report again.' }, { 'retry-after': '1' });
      // Findings handled before the failure stay handled; a scanner's retry finds them as duplicates.
      deps.logger.error({ requestId, err: error }, 'secret scanning report failed');
      return json(500, { error: 'Internal error: send the report again.' });
    } finally {
      // Whatever was committed takes effect on this instance before the answer (other instances: at commit).
      if (changed.length) await deps.keyStates.barrier(deps.prisma);
      deps.logger.info({ requestId, scanner: GITHUB_SCANNER_LABEL, findings: parsed.data.length, matched: answer.length, changes: changed }, 'secret scanning report');
    }
    return json(200, answer);
  }
}
