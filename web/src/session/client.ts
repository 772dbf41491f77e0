import { cacheExchange, Client, fetchExchange, makeOperation, mapExchange } from 'urql';
import { session } from './session.ts';

/**
 * urql with its document cache: queries are cached, mutation results are not kept anywhere (the one-time secret of a
 * create or rotate lives only in the dialog's state). A 401 means the token expired or was refused: the session ends
 * and the sign-in screen says why (the page the user was on stays in the address bar, so signing in returns there).
 * A mutation that failed is reported where it was made (ui/mutation.tsx); queries show their own error with a retry.
 */
export function createClient(): Client {
  return new Client({
    url: '/graphql',
    exchanges: [
      cacheExchange,
      mapExchange({
        onResult(result) {
          if (!result.error?.networkError || result.operation.kind !== 'mutation') return;
          // Nothing changed on the server: the lists on screen stay as they are (no refetch into the same outage).
          return { ...result, operation: makeOperation('mutation', result.operation, { ...result.operation.context, additionalTypenames: [] }) };
        },
      }),
      fetchExchange,
    ],
    requestPolicy: 'cache-and-network',
    preferGetMethod: false,
    fetchOptions: (): RequestInit => {
      const token = session.get()?.token;
      const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
      return { headers };
    },
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      if (response.status === 401) session.signOut(await signOutReason(response.clone()));
      return response;
    },
  });
}

async function signOutReason(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { errors?: { extensions?: { reason?: string } }[] } | null;
  return body?.errors?.some((e) => e.extensions?.reason === 'TOKEN_EXPIRED')
    ? 'Your session expired. Sign in again to continue.'
    : 'Your sign-in was not accepted (it may have been revoked). Sign in again to continue.';
}
