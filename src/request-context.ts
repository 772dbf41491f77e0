import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** Request-scoped values needed where no GraphQL context is at hand (error masking, logging). */
export type RequestScope = { requestId: string; startedAt: number };

export const requestScope = new AsyncLocalStorage<RequestScope>();

/** A bounded, printable id (a proxy's or a tracing header's); anything else is replaced, never stored or echoed. */
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Honours a well-formed `x-request-id` from a proxy, otherwise makes one. */
export function newRequestId(incoming: string | null | undefined): string {
  return incoming && CLIENT_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}
