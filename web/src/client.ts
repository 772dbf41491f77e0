import { cacheExchange, Client, fetchExchange } from 'urql';
import { session } from './session.ts';

/**
 * urql with its document cache: queries are cached, mutation results are not kept anywhere (the one-time secret of a
 * create or rotate lives only in the dialog's state). A 401 means the token expired or was refused: sign in again.
 */
export function createClient(): Client {
  return new Client({
    url: '/graphql',
    exchanges: [cacheExchange, fetchExchange],
    requestPolicy: 'cache-and-network',
    preferGetMethod: false,
    fetchOptions: (): RequestInit => {
      const token = session.get()?.token;
      const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
      return { headers };
    },
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      if (response.status === 401) session.signOut('Your session has expired or was refused. Sign in again.');
      return response;
    },
  });
}
