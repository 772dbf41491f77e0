import { useState, type FormEvent } from 'react';
import { Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useClient, useQuery } from 'urql';
import { graphql } from '../gql/index.ts';
import { RequestErrorAlert, TypedErrorAlert, issueFor, type TypedError } from '../errors.tsx';
import { Link, navigate } from '../router.tsx';
import { YourInvitations } from './Invitations.tsx';

const OrganizationsQuery = graphql(`
  query ConsoleOrganizations {
    viewer {
      isOperator
      user {
        id
        email
      }
      organizations(first: 50) {
        edges {
          node {
            id
            role
            organization {
              id
              name
              slug
              plan
            }
          }
        }
      }
    }
  }
`);

const CreateOrganization = graphql(`
  mutation ConsoleCreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      __typename
      ... on OrganizationPayload {
        organization {
          id
          slug
        }
      }
      ...ConsoleMutationError
    }
  }
`);

export function OrganizationsPage() {
  const [{ data, error, fetching }, refetch] = useQuery({ query: OrganizationsQuery, context: ORG_CONTEXT });
  const client = useClient();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [failure, setFailure] = useState<TypedError | null>(null);
  const [busy, setBusy] = useState(false);

  async function create(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await client.mutation(CreateOrganization, { input: { name: name.trim(), slug: slug.trim() } }).toPromise();
    setBusy(false);
    const payload = result.data?.createOrganization;
    if (payload?.__typename === 'OrganizationPayload') {
      setFailure(null);
      navigate(`/orgs/${payload.organization.slug}`);
    } else if (payload) setFailure(payload as TypedError);
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
              <Table.Th>Name</Table.Th>
              <Table.Th>Slug</Table.Th>
              <Table.Th>Plan</Table.Th>
              <Table.Th>Your role</Table.Th>
              <Table.Th>API keys</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {memberships.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>
                  <Link to={`/orgs/${m.organization.slug}`}>{m.organization.name}</Link>
                </Table.Td>
                <Table.Td>{m.organization.slug}</Table.Td>
                <Table.Td>
                  <Badge variant="light">{m.organization.plan}</Badge>
                </Table.Td>
                <Table.Td>{m.role}</Table.Td>
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
        <form onSubmit={create} aria-labelledby="create-org-title">
          <Stack>
            <Title order={2} size="h4" id="create-org-title">
              Create an organization
            </Title>
            <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={issueFor(failure, 'name')} />
            <TextInput
              label="Slug"
              description="Lower-case letters, digits and dashes; used in addresses."
              required
              value={slug}
              onChange={(e) => setSlug(e.currentTarget.value)}
              error={issueFor(failure, 'slug')}
            />
            <TypedErrorAlert error={failure} fields={['name', 'slug']} />
            <Group>
              <Button type="submit" loading={busy}>
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
