import { DAY } from './key-form.ts';

/** Used within the last 24 hours of `now`: such a key is probably still deployed, so rotating it defaults to a grace period. */
export function recentlyUsed(lastUsedAt: string | null | undefined, now: number): boolean {
  return !!lastUsedAt && now - Date.parse(lastUsedAt) < DAY;
}
