import type { AuthenticatedKey } from '../context.ts';
import { keyMay } from './grants.ts';

// Pure rules of where an authenticated key reaches. No I/O here.

/** Whether an authenticated key reaches a project (its own, all projects, or a selected one). */
export function keyReachesProject(key: AuthenticatedKey, project: { id: string; organizationId: string }): boolean {
  if (project.organizationId !== key.organizationId) return false;
  if (key.level === 'PROJECT') return key.projectId === project.id;
  return key.allProjects || key.projectIds.includes(project.id);
}

/**
 * keyReachesProject as parameters for a SQL condition, for statements that check reach in the database:
 * `p."organizationId" = organizationId AND (allProjects OR p.id = ANY(projectIds))`.
 */
export function projectReach(key: AuthenticatedKey): { organizationId: string; allProjects: boolean; projectIds: string[] } {
  if (key.level === 'PROJECT') return { organizationId: key.organizationId, allProjects: false, projectIds: key.projectId ? [key.projectId] : [] };
  return { organizationId: key.organizationId, allProjects: key.allProjects, projectIds: key.projectIds };
}

/**
 * Whether a key reads an execution (`organizationId` is that of the execution's project): one it triggered
 * itself (while it may still trigger), or any execution its `execution:read` grants cover, in a project it reaches.
 */
export function keyReadsExecution(
  key: AuthenticatedKey,
  execution: { projectId: string; workflowId: string; apiKeyId: string | null },
  organizationId: string,
): boolean {
  if (!keyReachesProject(key, { id: execution.projectId, organizationId })) return false;
  const target = { projectId: execution.projectId, workflowId: execution.workflowId };
  return (execution.apiKeyId === key.id && keyMay(key, 'workflow:trigger', target)) || keyMay(key, 'execution:read', target);
}
