// Who is signed in, as the server's session says (GET /auth/session). The session itself lives on the server: the
// browser holds only an HttpOnly cookie that no script can read, so a reload or a new tab stays signed in, and no
// token is ever in this page's memory or storage.
export type Session = {
  /** A new id per sign-in: the API client (and its cache) belongs to one session. */
  id: number;
  kind: 'development' | 'oidc';
  subject: string;
  operator: boolean;
};

type SessionAnswer =
  | { signedIn: true; kind: 'development' | 'oidc'; subject: string; email: string | null; operator: boolean }
  | { signedIn: false; reason: 'signed-out' | 'idle' | 'expired' | 'renewal-failed' | null };

const ENDED: Record<string, string> = {
  'signed-out': 'You were signed out (perhaps everywhere, from another tab or device). Sign in again to continue.',
  idle: 'Your session ended after a period without activity. Sign in again to continue.',
  expired: 'Your session reached its maximum length. Sign in again to continue.',
  'renewal-failed': 'Your session could not be renewed at the identity provider. Sign in again to continue.',
};

let current: Session | null = null;
let notice: string | null = null;
let nextId = 1;
const listeners = new Set<() => void>();

function emit() {
  for (const listener of listeners) listener();
}

/** What every request of the console to its API carries (the server refuses the cookie without it: CSRF defence). */
export const CONSOLE_HEADERS = { 'x-keysmith-console': '1' } as const;

export const session = {
  get: () => current,
  notice: () => notice,
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
  /** Asks the server who this browser is signed in as (at start, after a sign-in). Throws if it cannot be reached. */
  async load(): Promise<void> {
    const response = await fetch('/auth/session', { headers: { accept: 'application/json' }, credentials: 'same-origin' });
    if (!response.ok) throw new Error(`The server answered ${response.status}.`);
    const answer = (await response.json()) as SessionAnswer;
    if (answer.signedIn) {
      const same = current && current.subject === answer.subject && current.kind === answer.kind;
      current = { id: same ? current!.id : nextId++, kind: answer.kind, subject: answer.email ?? answer.subject, operator: answer.operator };
      notice = null;
    } else {
      // Signed in a moment ago and now not: the session ended elsewhere (another tab signed out, or "everywhere").
      notice = answer.reason ? ENDED[answer.reason] : current ? ENDED['signed-out'] : notice;
      current = null;
    }
    emit();
  },
  /** The server refused the session (401): show the sign-in screen with `reason`. */
  ended(reason: string | null = null) {
    current = null;
    notice = reason;
    emit();
  },
  /**
   * Signs out on the server: this browser (every tab), or with `everywhere` every session of the person. With OpenID
   * Connect the server answers the provider's sign-out page, where the browser goes next.
   */
  async signOut(everywhere = false): Promise<void> {
    let next: string | null = null;
    try {
      const response = await fetch('/auth/sign-out', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', ...CONSOLE_HEADERS },
        body: JSON.stringify({ everywhere }),
      });
      next = response.ok ? ((await response.json()) as { next: string | null }).next : null;
    } finally {
      current = null;
      notice = everywhere ? 'You were signed out everywhere.' : null;
      emit();
    }
    if (next) location.assign(next);
  },
};

/** Other tabs of this browser learn of a sign-out when they are next used: a 401 or the focus check below. */
export function watchSessionOnFocus(): () => void {
  const check = () => {
    if (document.visibilityState === 'visible' && current) void session.load().catch(() => {});
  };
  window.addEventListener('focus', check);
  document.addEventListener('visibilitychange', check);
  return () => {
    window.removeEventListener('focus', check);
    document.removeEventListener('visibilitychange', check);
  };
}
