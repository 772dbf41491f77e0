// The signed-in user's token lives in this module's memory only: not in localStorage or sessionStorage, so another
// script on the origin or a later visitor of the machine cannot read it. A reload signs out.
export type Session = {
  /** A new id per sign-in: the API client (and its cache) belongs to one session. */
  id: number;
  kind: 'development' | 'oidc';
  token: string;
  subject: string;
  operator: boolean;
};

let current: Session | null = null;
let notice: string | null = null;
let nextId = 1;
const listeners = new Set<() => void>();

function emit() {
  for (const listener of listeners) listener();
}

export const session = {
  get: () => current,
  notice: () => notice,
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
  signIn(next: Omit<Session, 'id'>) {
    current = { ...next, id: nextId++ };
    notice = null;
    emit();
  },
  /** A renewed token for the same session (OpenID Connect silent renew): nothing on screen is reloaded. */
  renew(token: string) {
    if (!current || current.token === token) return;
    current = { ...current, token };
    emit();
  },
  /** Ends the session; `reason` is shown on the sign-in screen (e.g. an expired token). */
  signOut(reason: string | null = null) {
    current = null;
    notice = reason;
    emit();
  },
};
