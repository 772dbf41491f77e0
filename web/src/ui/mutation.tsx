import { useState } from 'react';
import { Alert, Code, Stack, Text } from '@mantine/core';
import { useClient, type AnyVariables, type CombinedError, type OperationContext, type OperationResult, type TypedDocumentNode } from 'urql';
import { TypedErrorAlert, isTypedError, type TypedError } from './errors.tsx';

/**
 * Why a change did not happen, whatever the cause. Every dialog and form sends its mutation through `useMutation` and
 * shows this with `MutationFailureAlert`, so no failure leaves a dialog open without a word:
 * - `typed`: the mutation's result union answered with an error (validation, conflict, not found, plan…);
 * - `request`: a top-level GraphQL error (403, a masked 500 with its request id, …): nothing was changed;
 * - `throttled`: 429, with the server's Retry-After;
 * - `network`: the request never reached the server (or its answer never came back): "Not saved".
 */
export type MutationFailure =
  | { kind: 'typed'; error: TypedError }
  | { kind: 'request'; status: number | null; message: string; requestId: string | null }
  | { kind: 'throttled'; retryAfterSeconds: number | null }
  | { kind: 'network' };

type Payload = { __typename?: string } | null | undefined;

/** Classifies a mutation's result: null when it succeeded (its payload is not a typed error). */
export function failureOf(result: Pick<OperationResult, 'error'>, payload: Payload): MutationFailure | null {
  const error = result.error;
  const status = responseOf(error)?.status ?? null;
  if (status === 429) return { kind: 'throttled', retryAfterSeconds: retryAfter(responseOf(error)) };
  if (payload && isTypedError(payload)) return { kind: 'typed', error: payload };
  if (payload) return null;
  if (error?.networkError && !error.graphQLErrors.length) return status === null ? { kind: 'network' } : { kind: 'request', status, message: error.networkError.message, requestId: requestIdOf(error) };
  const message = error?.graphQLErrors.map((e) => e.message).join(' ') || 'The server answered without a result.';
  return { kind: 'request', status, message, requestId: requestIdOf(error) };
}

function responseOf(error: CombinedError | undefined): Response | undefined {
  const response = (error as { response?: unknown } | undefined)?.response;
  return response instanceof Response ? response : undefined;
}

function retryAfter(response: Response | undefined): number | null {
  const value = Number(response?.headers.get('retry-after'));
  return Number.isFinite(value) && value > 0 ? Math.ceil(value) : null;
}

/** The server's request id for a failed request: in the masked error's extensions, else its response header. */
function requestIdOf(error: CombinedError | undefined): string | null {
  for (const e of error?.graphQLErrors ?? []) {
    const id = e.extensions?.requestId;
    if (typeof id === 'string') return id;
  }
  return responseOf(error)?.headers.get('x-request-id') ?? null;
}

/**
 * Sends one mutation and keeps its failure for `MutationFailureAlert`. `run` resolves to the payload when the change
 * was made, or null when it was not (the failure is then set); a new run clears the last failure.
 */
export function useMutation<Data, Variables extends AnyVariables, P extends Payload>(
  document: TypedDocumentNode<Data, Variables>,
  payloadOf: (data: Data) => P,
  context?: Partial<OperationContext>,
) {
  const client = useClient();
  const [failure, setFailure] = useState<MutationFailure | null>(null);
  const [busy, setBusy] = useState(false);
  async function run(variables: Variables): Promise<NonNullable<P> | null> {
    setBusy(true);
    setFailure(null);
    const result = await client.mutation(document, variables, context).toPromise();
    setBusy(false);
    const payload = result.data ? payloadOf(result.data) : undefined;
    const failed = failureOf(result, payload);
    setFailure(failed);
    return failed ? null : (payload as NonNullable<P>);
  }
  return { run, busy, failure, clear: () => setFailure(null) };
}

/** The typed error of a failure, for the fields that show their own issues (`issueFor`). */
export function typedError(failure: MutationFailure | null): TypedError | null {
  return failure?.kind === 'typed' ? failure.error : null;
}

const TITLES: Record<number, string> = { 403: 'Not allowed' };

/** Words for any failure of a change; `fields` are the inputs that show their own validation issues. */
export function MutationFailureAlert({ failure, fields }: { failure: MutationFailure | null; fields?: string[] }) {
  if (!failure) return null;
  if (failure.kind === 'typed') return <TypedErrorAlert error={failure.error} fields={fields} />;
  if (failure.kind === 'network') {
    return (
      <Alert color="red" title="Not saved" role="alert">
        The server could not be reached, so your last change was not confirmed. Check your connection, then try again.
      </Alert>
    );
  }
  if (failure.kind === 'throttled') {
    return (
      <Alert color="red" title="Too many requests" role="alert">
        Nothing was changed. {failure.retryAfterSeconds ? `Try again in ${failure.retryAfterSeconds} ${failure.retryAfterSeconds === 1 ? 'second' : 'seconds'}.` : 'Try again in a moment.'}
      </Alert>
    );
  }
  const title = (failure.status && TITLES[failure.status]) ?? (failure.status && failure.status >= 500 ? 'The server could not make this change' : 'The change was refused');
  return (
    <Alert color="red" title={title} role="alert">
      <Stack gap={4}>
        <Text size="sm">{failure.requestId ? failure.message.replace(` Request id: ${failure.requestId}`, '') : failure.message}</Text>
        {failure.requestId ? (
          <Text size="sm">
            Request id: <Code>{failure.requestId}</Code>
          </Text>
        ) : null}
        {failure.status && failure.status >= 500 ? <Text size="sm">Try again; if it keeps failing, give the request id to your administrator.</Text> : null}
      </Stack>
    </Alert>
  );
}
