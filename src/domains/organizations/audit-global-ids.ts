import { toGlobalId } from '../../graphql/ids.ts';

/** Which type the ids under each key of an event's `changes` belong to (at any depth: `{ from, to }`, lists). */
const ID_KEYS: Record<string, string> = {
  userId: 'User',
  ownerId: 'User',
  projectId: 'Project',
  projectIds: 'Project',
  workflowIds: 'Workflow',
  successorId: 'ApiKey',
  invitationId: 'Invitation',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Audit events store database ids (they are written inside the change's transaction and never rewritten); clients get
 * the global ids that every field and argument takes.
 */
export function changesWithGlobalIds(value: unknown, idType?: string): unknown {
  if (typeof value === 'string') return idType && UUID.test(value) ? toGlobalId(idType, value) : value;
  if (Array.isArray(value)) return value.map((item) => changesWithGlobalIds(item, idType));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, changesWithGlobalIds(item, ID_KEYS[key] ?? (key === 'from' || key === 'to' ? idType : undefined))]),
    );
  }
  return value;
}
