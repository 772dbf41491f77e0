// "Use this key": a ready `curl` for triggerWorkflow, built from what the console knows about a key. Pure functions.

/** What the key page shows instead of the secret, which it never has: the environment variable an integration sets. */
export const SECRET_PLACEHOLDER = '$KEYSMITH_API_KEY';

export const TRIGGER_MUTATION =
  'mutation Trigger($input: TriggerWorkflowInput!) { triggerWorkflow(input: $input) { __typename ... on TriggerWorkflowPayload { execution { id status } } ... on Error { message } } }';

type Grant = { permission: string; projectIds?: readonly string[] | null; workflowIds?: readonly string[] | null };
type Workflow = { id: string; name: string; projectId: string };

/**
 * A workflow the key may trigger: the first of `workflows` (those of the projects the key reaches, in order) that a
 * `workflow:trigger` grant covers; null when the key holds no such grant or none of its workflows exists yet.
 */
export function triggerableWorkflow(grants: readonly Grant[], workflows: readonly Workflow[]): Workflow | null {
  const triggers = grants.filter((g) => g.permission === 'workflow:trigger');
  return (
    workflows.find((w) =>
      triggers.some((g) => (g.workflowIds ? g.workflowIds.includes(w.id) : !g.projectIds || g.projectIds.includes(w.projectId))),
    ) ?? null
  );
}

/**
 * The shell command. The secret goes in double quotes (a key has no character the shell expands; the placeholder is
 * expanded on purpose); the body in single quotes, so that GraphQL's `$input` stays as it is.
 */
export function triggerCurl(origin: string, secret: string, workflowId: string): string {
  const body = JSON.stringify({ query: TRIGGER_MUTATION, variables: { input: { workflowId, payload: { hello: 'world' } } } });
  return [`curl -sS ${origin}/graphql \\`, `  -H "Authorization: Bearer ${secret}" \\`, `  -H 'Content-Type: application/json' \\`, `  --data '${body}'`].join('\n');
}
