import { quotaWords, rateLimitWords, type Quota, type RateLimit } from '../api-keys/limits.ts';
import { formatDate } from '../lib/format.ts';
import { permissionLabel } from '../permissions/catalog.ts';
import { enumWords } from '../ui/words.ts';

/** One line of an audit event's changes: a field and its value, or what it was and became. Ids are kept apart (copied, not read). */
export type ChangeLine = { field: string; from?: ChangeValue; to: ChangeValue };
export type ChangeValue = { text: string; ids: string[] };

/** The fields whose values are global ids (audit-global-ids.ts on the server names the same). */
const ID_FIELDS = new Set(['userId', 'ownerId', 'projectId', 'projectIds', 'workflowIds', 'successorId', 'invitationId']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** `expiryPolicy` → "expiry policy", `ipAllowlist` → "IP allowlist". */
export function fieldWords(field: string): string {
  const words = field
    .replace(/Ids?$/, (m) => (m === 'Ids' ? ' ids' : ' id'))
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.replace(/^ip /, 'IP ').replace(/^url$/, 'URL');
}

function valueOf(value: unknown, isId: boolean): ChangeValue {
  if (value === null || value === undefined) return { text: 'none', ids: [] };
  if (isId) {
    const ids = (Array.isArray(value) ? value : [value]).map(String);
    return { text: ids.length ? (ids.length === 1 ? '' : `${ids.length}`) : 'none', ids };
  }
  if (typeof value === 'boolean') return { text: value ? 'yes' : 'no', ids: [] };
  if (typeof value === 'number') return { text: String(value), ids: [] };
  if (typeof value === 'string') return { text: ISO_DATE.test(value) ? formatDate(value) : enumWords(value), ids: [] };
  if (Array.isArray(value)) {
    if (value.length === 0) return { text: 'none', ids: [] };
    // Lists of grants ({ permission, projectIds, workflowIds }) read as their permissions, in words; rate limits
    // ({ name, limit, durationSeconds }) as "100 per second (name)".
    const parts = value.map((item) =>
      item && typeof item === 'object' && 'permission' in item
        ? permissionLabel(String((item as { permission: unknown }).permission))
        : item && typeof item === 'object' && 'durationSeconds' in item
          ? rateLimitWords(item as RateLimit)
          : valueOf(item, false).text,
    );
    return { text: parts.join(', '), ids: [] };
  }
  // A key's quota ({ remaining, refill, lowThreshold }).
  if (typeof value === 'object' && 'remaining' in value) return { text: quotaWords(value as Quota), ids: [] };
  return { text: JSON.stringify(value), ids: [] };
}

const isChange = (value: unknown): value is { from: unknown; to: unknown } =>
  !!value && typeof value === 'object' && !Array.isArray(value) && 'from' in value && 'to' in value && Object.keys(value).length === 2;

/** An audit event's `changes` as lines: "name: old → new" for a change, "name: value" for what was recorded. */
export function changeLines(changes: unknown): ChangeLine[] {
  if (!changes || typeof changes !== 'object' || Array.isArray(changes)) return changes == null ? [] : [{ field: 'value', to: valueOf(changes, false) }];
  return Object.entries(changes as Record<string, unknown>)
    .filter(([, value]) => value !== undefined)
    .map(([field, value]) => {
      const isId = ID_FIELDS.has(field);
      return isChange(value)
        ? { field: fieldWords(field), from: valueOf(value.from, isId), to: valueOf(value.to, isId) }
        : { field: fieldWords(field), to: valueOf(value, isId) };
    });
}
