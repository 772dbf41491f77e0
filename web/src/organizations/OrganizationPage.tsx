import { Alert, Badge, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from 'urql';
import { Link } from '../lib/router.tsx';
import { CopyId } from '../ui/CopyId.tsx';
import { PLAN_WORDS, ROLE_WORDS } from '../ui/words.ts';
import { RequestErrorAlert } from '../ui/errors.tsx';
import { OrganizationQuery } from './documents.ts';
import { DefaultRateLimitsPanel } from './DefaultRateLimitsPanel.tsx';
import { LeakedKeysPanel } from './LeakedKeysPanel.tsx';
import { MembersPanel } from './MembersPanel.tsx';
import { PlanPanel } from './PlanPanel.tsx';
import { ProjectsPanel } from './ProjectsPanel.tsx';

const CONTEXT = { additionalTypenames: ['Member', 'Project', 'Organization'] };

export function OrganizationPage({ slug }: { slug: string }) {
  const [{ data, error, fetching }, refetch] = useQuery({ query: OrganizationQuery, variables: { slug }, context: CONTEXT });
  const reload = () => refetch({ requestPolicy: 'network-only' });

  if (error) return <RequestErrorAlert error={error} onRetry={reload} />;
  if (fetching && !data) return <Text>Loading…</Text>;
  const org = data?.organization;
  if (!org)
    return (
      <Alert color="yellow" title="Organization not found">
        There is no organization “{slug}” for you. <Link to="/">Back to your organizations</Link>
      </Alert>
    );
  // What to offer is the server's answer (viewerCan), never a copy of its role rules.
  const can = org.viewerCan;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{org.name}</Title>
        <Group>
          <Badge size="lg" variant="light" tt="none">
            {PLAN_WORDS[org.plan]} plan
          </Badge>
          {org.viewerRole ? <Badge size="lg" variant="outline" tt="none">Your role: {ROLE_WORDS[org.viewerRole]}</Badge> : null}
        </Group>
      </Group>
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          Organization id:
        </Text>
        <CopyId label="organization id" id={org.id} />
      </Group>
      <Group>
        <Link to={`/orgs/${org.slug}/api-keys`}>API keys</Link>
        {can.readUsage ? <Link to={`/orgs/${org.slug}/usage`}>Usage</Link> : null}
        {can.readWebhooks ? <Link to={`/orgs/${org.slug}/webhooks`}>Webhooks</Link> : null}
        {can.readAudit ? <Link to={`/orgs/${org.slug}/audit`}>Audit log</Link> : null}
      </Group>
      {data?.viewer.isOperator ? <PlanPanel org={org} onChanged={reload} /> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <LeakedKeysPanel org={org} canChange={can.updateOrganization} />
        <DefaultRateLimitsPanel org={org} canChange={can.updateOrganization} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <ProjectsPanel org={org} projects={(org.projects?.edges ?? []).map((e) => e.node)} canCreate={can.manageProjects} onChanged={reload} />
        <MembersPanel
          org={org}
          members={(org.members?.edges ?? []).map((e) => e.node)}
          viewerUserId={data?.viewer.user?.id ?? null}
          canManage={can.manageMembers}
          onChanged={reload}
        />
      </SimpleGrid>
    </Stack>
  );
}
