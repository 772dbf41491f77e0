// Changes the server could not confirm because it could not be reached: shown by the app shell above everything else
// (dialogs included) until dismissed or until a later request gets through.
let problem: string | null = null;
const listeners = new Set<() => void>();

function set(next: string | null) {
  if (next === problem) return;
  problem = next;
  for (const listener of listeners) listener();
}

export const connection = {
  problem: () => problem,
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
  unreachable: () => set('The server could not be reached, so your last change was not confirmed. Check your connection, then try again.'),
  reachable: () => set(null),
};
