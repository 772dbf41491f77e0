import { cacheExchange, Client, fetchExchange, makeOperation, mapExchange } from 'urql';
import { CONSOLE_HEADERS, session } from './session.ts';
import { freshnessExchange } from './freshness.ts';

/**
 * urql with its document cache: queries are cached, mutation results are not kept anywhere (the one-time secret of a
 * create or rotate lives only in the dialog's state). Requests carry the session cookie (same origin) and the
 * console's header, never a token. A 401 means the session ended (signed out, idle, too old) or was refused: the
 * sign-in screen says why (the page the user was on stays in the address bar, so signing in returns there).
 * A mutation that failed is reported where it was made (ui/mutation.tsx); queries show their own error with a retry.
 */
export function createClient(): Client {
  return new Client({
    url: '/graphql',
    exchanges: [
      freshnessExchange(),
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
    fetchOptions: (): RequestInit => ({ credentials: 'same-origin', headers: { ...CONSOLE_HEADERS } }),
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      if (response.status === 401) session.ended(await endedReason(response.clone()));
      return response;
    },
  });
}

async function endedReason(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { errors?: { message?: string; extensions?: { reason?: string } }[] } | null;
  const ended = body?.errors?.find((e) => e.extensions?.reason === 'SESSION_ENDED');
  return ended?.message
    ? `${ended.message.replace(/: sign in again$/, '')}. Sign in again to continue.`
    : // The console's requests carry only the session cookie: a 401 without the server's reason means the cookie is
      // gone, which is what signing out in another tab (of the same browser) does.
      'You were signed out (perhaps everywhere, from another tab or device). Sign in again to continue.';
}
