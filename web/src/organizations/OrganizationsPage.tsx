import { Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from 'urql';
import { Link, navigate } from '../lib/router.tsx';
import { RequestErrorAlert, issueFor } from '../ui/errors.tsx';
import { MutationFailureAlert, typedError, useMutation } from '../ui/mutation.tsx';
import { CreateOrganization, OrganizationsQuery } from './documents.ts';
import { YourInvitations } from './YourInvitations.tsx';
import { PLAN_WORDS, ROLE_WORDS } from '../ui/words.ts';

export function OrganizationsPage() {
  const [{ data, error, fetching }, refetch] = useQuery({ query: OrganizationsQuery, context: ORG_CONTEXT });
  const narrow = useMediaQuery('(max-width: 36em)');
  const form = useForm({ initialValues: { name: '', slug: '' } });
  const create = useMutation(CreateOrganization, (d) => d.createOrganization);
  const failure = typedError(create.failure);

  async function submit(v: typeof form.values) {
    const payload = await create.run({ input: { name: v.name.trim(), slug: v.slug.trim() } });
    if (payload?.__typename === 'OrganizationPayload') navigate(`/orgs/${payload.organization.slug}`);
  }

  const memberships = data?.viewer.organizations.edges.map((e) => e.node) ?? [];
  return (
    <Stack>
      <Title order={1}>Organizations</Title>
      <RequestErrorAlert error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      <YourInvitations onChange={() => refetch({ requestPolicy: 'network-only' })} />
      {data && memberships.length === 0 ? (
        <Text>You are not a member of any organization yet. Create one below, or ask an owner or admin of one to invite your email address.</Text>
      ) : null}
      {memberships.length > 0 ? (
        <Table striped highlightOnHover aria-label="Your organizations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{narrow ? 'Organization' : 'Name'}</Table.Th>
              {narrow ? null : <Table.Th>Slug</Table.Th>}
              {narrow ? null : <Table.Th>Plan</Table.Th>}
              {narrow ? null : <Table.Th>Your role</Table.Th>}
              <Table.Th>API keys</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {memberships.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>
                  <Link to={`/orgs/${m.organization.slug}`}>{m.organization.name}</Link>
                  {/* On a phone the slug, plan and role sit under the name: five columns would squeeze the plan to a letter. */}
                  {narrow ? (
                    <Text size="sm" c="dimmed" mt={4}>
                      {m.organization.slug} · {PLAN_WORDS[m.organization.plan]} plan · {ROLE_WORDS[m.role]}
                    </Text>
                  ) : null}
                </Table.Td>
                {narrow ? null : <Table.Td>{m.organization.slug}</Table.Td>}
                {narrow ? null : (
                  <Table.Td>
                    <Badge variant="light" tt="none">{PLAN_WORDS[m.organization.plan]}</Badge>
                  </Table.Td>
                )}
                {narrow ? null : <Table.Td>{ROLE_WORDS[m.role]}</Table.Td>}
                <Table.Td>
                  <Link to={`/orgs/${m.organization.slug}/api-keys`}>API keys of {m.organization.name}</Link>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {fetching && !data ? <Text>Loading…</Text> : null}
      <Paper withBorder p="md" maw={560}>
        <form onSubmit={form.onSubmit(submit)} aria-labelledby="create-org-title">
          <Stack>
            <Title order={2} size="h4" id="create-org-title">
              Create an organization
            </Title>
            <TextInput label="Name" required {...form.getInputProps('name')} error={issueFor(failure, 'name')} />
            <TextInput
              label="Slug"
              description="Lower-case letters, digits and dashes; used in addresses."
              required
              {...form.getInputProps('slug')}
              error={issueFor(failure, 'slug')}
            />
            <MutationFailureAlert failure={create.failure} fields={['name', 'slug']} />
            <Group>
              <Button type="submit" loading={create.busy}>
                Create organization
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}

const ORG_CONTEXT = { additionalTypenames: ['Organization', 'Member'] };
