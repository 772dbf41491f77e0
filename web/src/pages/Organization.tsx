import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Group, Paper, Radio, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useClient, useQuery } from 'urql';
import { graphql } from '../gql/index.ts';
import type { LeakedKeyAction, MemberRole, Plan } from '../gql/graphql.ts';
import { RequestErrorAlert, TypedErrorAlert, issueFor, isTypedError, type TypedError } from '../errors.tsx';
import { Link } from '../router.tsx';
import { OrganizationInvitations } from './Invitations.tsx';
import { RolesDisclosure } from './RolePermissionsTable.tsx';

const OrganizationQuery = graphql(`
  query ConsoleOrganization($slug: String!) {
    viewer {
      isOperator
      user {
        id
      }
    }
    organization(slug: $slug) {
      id
      name
      slug
      plan
      apiAccess
      maxKeyLifetimeDays
      leakedKeyAction
      viewerRole
      projects(first: 30) {
        edges {
          node {
            id
            name
            slug
          }
        }
      }
      members(first: 30) {
        edges {
          node {
            id
            role
            user {
              id
              email
              name
            }
          }
        }
      }
    }
  }
`);


const UpdateMember = graphql(`
  mutation ConsoleUpdateMember($input: UpdateMemberInput!) {
    updateMember(input: $input) {
      __typename
      ... on MemberPayload {
        member {
          id
          role
        }
      }
      ...ConsoleMutationError
    }
  }
`);

const RemoveMember = graphql(`
  mutation ConsoleRemoveMember($input: RemoveMemberInput!) {
    removeMember(input: $input) {
      __typename
      ...ConsoleMutationError
    }
  }
`);

const CreateProject = graphql(`
  mutation ConsoleCreateProject($input: CreateProjectInput!) {
    createProject(input: $input) {
      __typename
      ...ConsoleMutationError
    }
  }
`);

const SetPlan = graphql(`
  mutation ConsoleSetPlan($input: SetOrganizationPlanInput!) {
    setOrganizationPlan(input: $input) {
      __typename
      ... on OrganizationPayload {
        organization {
          id
          plan
          apiAccess
        }
      }
      ...ConsoleMutationError
    }
  }
`);

const UpdateOrganization = graphql(`
  mutation ConsoleUpdateOrganization($input: UpdateOrganizationInput!) {
    updateOrganization(input: $input) {
      __typename
      ... on OrganizationPayload {
        organization {
          id
          leakedKeyAction
        }
      }
      ...ConsoleMutationError
    }
  }
`);

/** The organization's choices for keys a secret scanner finds in public, in words. */
const LEAKED_KEY_ACTIONS: Record<LeakedKeyAction, { label: string; description: string }> = {
  REVOKE: { label: 'Revoke the key at once (recommended)', description: 'It stops working on its next request; whatever uses it needs a new key.' },
  FLAG: { label: 'Only flag the key', description: 'It is marked “Leaked” and keeps working until someone rotates or revokes it.' },
};

const CONTEXT = { additionalTypenames: ['Member', 'Project', 'Organization'] };
const ROLES: MemberRole[] = ['OWNER', 'ADMIN', 'MEMBER'];
const PLANS: Plan[] = ['FREE', 'TEAM', 'ENTERPRISE'];

export function OrganizationPage({ slug }: { slug: string }) {
  const [{ data, error, fetching }, refetch] = useQuery({ query: OrganizationQuery, variables: { slug }, context: CONTEXT });
  const client = useClient();
  const [failure, setFailure] = useState<TypedError | null>(null);
  const [projectName, setProjectName] = useState('');
  const [projectSlug, setProjectSlug] = useState('');
  const [projectFailure, setProjectFailure] = useState<TypedError | null>(null);
  const [settingsFailure, setSettingsFailure] = useState<TypedError | null>(null);
  // Shown chosen at once, while the change is saved (back to the saved value if it is refused).
  const [leakedKeyAction, setLeakedKeyAction] = useState<LeakedKeyAction | null>(null);

  if (error) return <RequestErrorAlert error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (fetching && !data) return <Text>Loading…</Text>;
  const org = data?.organization;
  if (!org)
    return (
      <Alert color="yellow" title="Organization not found">
        There is no organization “{slug}” for you. <Link to="/">Back to your organizations</Link>
      </Alert>
    );
  const manage = org.viewerRole === 'OWNER' || org.viewerRole === 'ADMIN';
  const after = (typename: string | undefined, value: { __typename: string } | undefined, set = setFailure) => {
    if (isTypedError(value)) set(value);
    else {
      set(null);
      if (typename) refetch({ requestPolicy: 'network-only' });
    }
  };

  async function createProject(event: FormEvent) {
    event.preventDefault();
    const r = await client
      .mutation(CreateProject, { input: { organizationId: org!.id, name: projectName.trim(), slug: projectSlug.trim() } })
      .toPromise();
    after(r.data?.createProject.__typename, r.data?.createProject, setProjectFailure);
    if (r.data?.createProject.__typename === 'ProjectPayload') {
      setProjectName('');
      setProjectSlug('');
    }
  }

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{org.name}</Title>
        <Group>
          <Badge size="lg" variant="light">
            {org.plan}
          </Badge>
          {org.viewerRole ? <Badge size="lg" variant="outline">Your role: {org.viewerRole}</Badge> : null}
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        Organization id: <Text span ff="monospace" size="sm">{org.id}</Text>
      </Text>
      <Group>
        <Link to={`/orgs/${org.slug}/api-keys`}>API keys</Link>
        {manage ? <Link to={`/orgs/${org.slug}/webhooks`}>Webhooks</Link> : null}
        {manage ? <Link to={`/orgs/${org.slug}/audit`}>Audit log</Link> : null}
      </Group>
      {data?.viewer.isOperator ? (
        <Paper withBorder p="md">
          <Title order={2} size="h4">
            Operator
          </Title>
          <Select
            maw={240}
            label="Plan"
            data={PLANS}
            value={org.plan}
            allowDeselect={false}
            onChange={async (plan) => {
              if (!plan) return;
              const r = await client.mutation(SetPlan, { input: { organizationId: org.id, plan: plan as Plan } }).toPromise();
              after(r.data?.setOrganizationPlan.__typename, r.data?.setOrganizationPlan);
            }}
          />
        </Paper>
      ) : null}
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          Leaked keys
        </Title>
        {manage ? (
          <Radio.Group
            label="When a secret scanner finds one of this organization’s keys in public"
            value={leakedKeyAction ?? org.leakedKeyAction}
            onChange={async (value) => {
              setLeakedKeyAction(value as LeakedKeyAction);
              const r = await client.mutation(UpdateOrganization, { input: { id: org.id, leakedKeyAction: value as LeakedKeyAction } }).toPromise();
              if (r.data?.updateOrganization.__typename !== 'OrganizationPayload') setLeakedKeyAction(null);
              after(r.data?.updateOrganization.__typename, r.data?.updateOrganization, setSettingsFailure);
            }}
          >
            <Stack gap="xs" mt={6}>
              {(Object.keys(LEAKED_KEY_ACTIONS) as LeakedKeyAction[]).map((action) => (
                <Radio key={action} value={action} label={LEAKED_KEY_ACTIONS[action].label} description={LEAKED_KEY_ACTIONS[action].description} />
              ))}
            </Stack>
          </Radio.Group>
        ) : (
          <Text size="sm">
            When a secret scanner finds one of this organization’s keys in public: {LEAKED_KEY_ACTIONS[org.leakedKeyAction].label.toLowerCase()}. Owners and
            admins change this.
          </Text>
        )}
        <TypedErrorAlert error={settingsFailure} />
      </Paper>
      <TypedErrorAlert error={failure} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md">
          <Stack>
            <Title order={2} size="h4">
              Projects
            </Title>
            <Table aria-label="Projects">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Project</Table.Th>
                  <Table.Th>Keys</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(org.projects?.edges ?? []).map(({ node: p }) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      {p.name} <Text span c="dimmed" size="sm">({p.slug})</Text>
                    </Table.Td>
                    <Table.Td>
                      <Link to={`/orgs/${org.slug}/projects/${p.slug}/api-keys`}>API keys of {p.name}</Link>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {manage ? (
              <form onSubmit={createProject} aria-label="Create a project">
                <Group align="flex-end">
                  <TextInput label="Project name" required value={projectName} onChange={(e) => setProjectName(e.currentTarget.value)} error={issueFor(projectFailure, 'name')} />
                  <TextInput label="Project slug" required value={projectSlug} onChange={(e) => setProjectSlug(e.currentTarget.value)} error={issueFor(projectFailure, 'slug')} />
                  <Button type="submit">Create project</Button>
                </Group>
                <TypedErrorAlert error={projectFailure} fields={['name', 'slug']} />
              </form>
            ) : null}
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Stack>
            <Title order={2} size="h4">
              Members
            </Title>
            <Table aria-label="Members">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>User</Table.Th>
                  <Table.Th>Role</Table.Th>
                  {manage ? <Table.Th>Actions</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(org.members?.edges ?? []).map(({ node: m }) => {
                  const who = m.user.email ?? m.user.name ?? m.user.id;
                  return (
                    <Table.Tr key={m.id}>
                      <Table.Td>{who}</Table.Td>
                      <Table.Td>
                        {manage ? (
                          <Select
                            aria-label={`Role of ${who}`}
                            data={ROLES}
                            value={m.role}
                            allowDeselect={false}
                            w={140}
                            onChange={async (next) => {
                              if (!next || next === m.role) return;
                              const r = await client.mutation(UpdateMember, { input: { id: m.id, role: next as MemberRole } }).toPromise();
                              after(r.data?.updateMember.__typename, r.data?.updateMember);
                            }}
                          />
                        ) : (
                          m.role
                        )}
                      </Table.Td>
                      {manage ? (
                        <Table.Td>
                          <Button
                            size="xs"
                            color="red"
                            variant="light"
                            aria-label={`Remove ${who}`}
                            onClick={async () => {
                              if (!window.confirm(`Remove ${who} from ${org.name}?`)) return;
                              const r = await client.mutation(RemoveMember, { input: { id: m.id } }).toPromise();
                              after(r.data?.removeMember.__typename, r.data?.removeMember);
                            }}
                          >
                            Remove
                          </Button>
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
            {manage ? <OrganizationInvitations slug={org.slug} organizationId={org.id} /> : null}
            <RolesDisclosure />
          </Stack>
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
