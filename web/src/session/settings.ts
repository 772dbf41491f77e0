// The server's console settings (GET /console-config.json): which sign-in to offer. Loaded once per page load.
export type OidcSettings = { authority: string; clientId: string; scope: string };
export type ConsoleSettings = { signIn: 'oidc'; oidc: OidcSettings } | { signIn: 'development' } | { signIn: 'unavailable' };

let loading: Promise<ConsoleSettings> | null = null;

export function loadSettings(): Promise<ConsoleSettings> {
  loading ??= fetch('/console-config.json', { headers: { accept: 'application/json' } })
    .then((response) => {
      if (!response.ok) throw new Error(`The server answered ${response.status}.`);
      return response.json() as Promise<ConsoleSettings>;
    })
    .catch((error: unknown) => {
      loading = null; // a retry asks again
      throw error;
    });
  return loading;
}
