// The signed-in user's token lives in this module's memory only: not in localStorage or sessionStorage, so another
// script on the origin or a later visitor of the machine cannot read it. A reload signs out.
export type Session = { token: string; subject: string; operator: boolean };

let current: Session | null = null;
let notice: string | null = null;
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
  signIn(next: Session) {
    current = next;
    notice = null;
    emit();
  },
  /** Ends the session; `reason` is shown on the sign-in screen (e.g. an expired token). */
  signOut(reason: string | null = null) {
    current = null;
    notice = reason;
    emit();
  },
};
