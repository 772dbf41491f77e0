import { Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useQuery } from 'urql';
import { graphql } from '../gql/index.ts';
import { SECRET_PLACEHOLDER, triggerableWorkflow, triggerCurl } from './use-key.ts';

const KeyWorkflowsQuery = graphql(`
  query ConsoleKeyWorkflows($id: ID!) {
    node(id: $id) {
      ... on ApiKey {
        id
        permissions {
          permission
          projectIds
          workflowIds
        }
        projectAccess {
          projects {
            id
            workflows(first: 10) {
              edges {
                node {
                  id
                  name
                }
              }
            }
          }
        }
      }
    }
  }
`);

/**
 * A ready `curl` that triggers one of the key's workflows. With `secret` (only inside the one-time dialog) the command
 * carries the key itself; on the key's page it reads the key from `$KEYSMITH_API_KEY`, never shown again.
 */
export function UseThisKey({ keyId, secret }: { keyId: string; secret?: string }) {
  const [{ data, fetching }] = useQuery({ query: KeyWorkflowsQuery, variables: { id: keyId } });
  const key = data?.node && 'permissions' in data.node ? data.node : null;
  if (!key) return fetching ? <Text size="sm">Loading…</Text> : null;
  const workflows = key.projectAccess.projects.flatMap((p) => p.workflows.edges.map((e) => ({ ...e.node, projectId: p.id })));
  const workflow = triggerableWorkflow(key.permissions, workflows);
  if (!workflow) {
    return (
      <Text size="sm" c="dimmed" data-testid="use-this-key">
        {key.permissions.some((g) => g.permission === 'workflow:trigger')
          ? 'Once a project this key reaches has a workflow, a ready command to trigger it shows here.'
          : 'This key may not trigger workflows (it holds no “Trigger workflows” permission).'}
      </Text>
    );
  }
  const command = triggerCurl(location.origin, secret ?? SECRET_PLACEHOLDER, workflow.id);
  return (
    <Stack gap="xs" data-testid="use-this-key">
      <Text size="sm">
        Trigger “{workflow.name}” with this key{secret ? '' : <> (set <Code>KEYSMITH_API_KEY</Code> to the key first)</>}:
      </Text>
      <Code block data-testid="curl" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
        {command}
      </Code>
      <Group>
        <CopyButton value={command}>
          {({ copied, copy }) => (
            <Button size="xs" variant={copied ? 'light' : 'default'} onClick={copy}>
              {copied ? 'Copied' : 'Copy command'}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}
