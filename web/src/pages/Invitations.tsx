import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useClient, useQuery } from 'urql';
import { graphql } from '../gql/index.ts';
import type { MemberRole } from '../gql/graphql.ts';
import { RequestErrorAlert, TypedErrorAlert, formatDate, issueFor, isTypedError, type TypedError } from '../errors.tsx';
import { navigate } from '../router.tsx';

// Invitations, both sides: an organization's OWNERs and ADMINs invite an email and see what is pending; the person
// signed in with that email accepts or declines on their organizations page. Nobody joins without accepting.

const PendingInvitations = graphql(`
  query ConsoleOrganizationInvitations($slug: String!) {
    organization(slug: $slug) {
      id
      invitations(first: 50) {
        totalCount
        edges {
          node {
            id
            email
            role
            expiresAt
            expired
          }
        }
      }
    }
  }
`);

const InviteMember = graphql(`
  mutation ConsoleInviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      __typename
      ... on InvitationPayload {
        invitation {
          id
          email
          expiresAt
        }
      }
      ...ConsoleMutationError
    }
  }
`);

const RevokeInvitation = graphql(`
  mutation ConsoleRevokeInvitation($input: RevokeInvitationInput!) {
    revokeInvitation(input: $input) {
      __typename
      ...ConsoleMutationError
    }
  }
`);

const YourInvitationsQuery = graphql(`
  query ConsoleYourInvitations {
    viewer {
      invitations(first: 50) {
        edges {
          node {
            id
            organizationName
            role
            expiresAt
          }
        }
      }
    }
  }
`);

const AcceptInvitation = graphql(`
  mutation ConsoleAcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      __typename
      ... on MemberPayload {
        member {
          id
          organization {
            id
            slug
          }
        }
      }
      ...ConsoleMutationError
    }
  }
`);

const DeclineInvitation = graphql(`
  mutation ConsoleDeclineInvitation($input: DeclineInvitationInput!) {
    declineInvitation(input: $input) {
      __typename
      ...ConsoleMutationError
    }
  }
`);

const ROLES: MemberRole[] = ['OWNER', 'ADMIN', 'MEMBER'];
const CONTEXT = { additionalTypenames: ['Invitation', 'Member', 'Organization'] };

/** The members panel's invite form and pending list. Rendered for OWNERs and ADMINs only (others may not read them). */
export function OrganizationInvitations({ slug, organizationId }: { slug: string; organizationId: string }) {
  const [{ data, error }, refetch] = useQuery({ query: PendingInvitations, variables: { slug }, context: CONTEXT });
  const client = useClient();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MemberRole>('MEMBER');
  const [failure, setFailure] = useState<TypedError | null>(null);
  const [sent, setSent] = useState<{ email: string; expiresAt: string } | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  async function invite(event: FormEvent) {
    event.preventDefault();
    const r = await client.mutation(InviteMember, { input: { organizationId, email: email.trim(), role } }).toPromise();
    const payload = r.data?.inviteMember;
    if (payload?.__typename === 'InvitationPayload') {
      setFailure(null);
      setSent({ email: payload.invitation.email, expiresAt: payload.invitation.expiresAt });
      setEmail('');
      reload();
    } else if (isTypedError(payload)) {
      setSent(null);
      setFailure(payload);
    }
  }

  const invitations = data?.organization?.invitations?.edges.map((e) => e.node) ?? [];
  return (
    <Stack>
      <form onSubmit={invite} aria-label="Invite a member">
        <Group align="flex-end">
          <TextInput label="Email to invite" type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={issueFor(failure, 'email')} />
          <Select label="Role" data={ROLES} value={role} allowDeselect={false} onChange={(v) => v && setRole(v as MemberRole)} w={140} />
          <Button type="submit">Invite</Button>
        </Group>
      </form>
      <TypedErrorAlert error={failure} fields={['email']} />
      {sent ? (
        <Alert color="green" title="Invitation created" role="status">
          {sent.email} joins after signing in to this console with that address and accepting, until {formatDate(sent.expiresAt)}.
        </Alert>
      ) : null}
      <RequestErrorAlert error={error} onRetry={reload} />
      <Title order={3} size="h5">
        Pending invitations
      </Title>
      {data && invitations.length === 0 ? (
        <Text size="sm" c="dimmed">
          No pending invitations.
        </Text>
      ) : null}
      {invitations.length > 0 ? (
        <Table aria-label="Pending invitations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Email</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Expires</Table.Th>
              <Table.Th>Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invitations.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>{i.email}</Table.Td>
                <Table.Td>{i.role}</Table.Td>
                <Table.Td>{i.expired ? <Badge color="gray">Expired</Badge> : formatDate(i.expiresAt)}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    color="red"
                    variant="light"
                    aria-label={`Revoke the invitation of ${i.email}`}
                    onClick={async () => {
                      if (!window.confirm(`Revoke the invitation of ${i.email}?`)) return;
                      const r = await client.mutation(RevokeInvitation, { input: { id: i.id } }).toPromise();
                      const payload = r.data?.revokeInvitation;
                      if (isTypedError(payload)) setFailure(payload);
                      else if (payload) {
                        setFailure(null);
                        setSent(null);
                        reload();
                      }
                    }}
                  >
                    Revoke
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}

/** Invitations to the signed-in user's email, to accept or decline. Nothing when there are none. */
export function YourInvitations({ onChange }: { onChange: () => void }) {
  const [{ data, error }, refetch] = useQuery({ query: YourInvitationsQuery, context: CONTEXT });
  const client = useClient();
  const [failure, setFailure] = useState<TypedError | null>(null);
  const invitations = data?.viewer.invitations.edges.map((e) => e.node) ?? [];
  if (error) return <RequestErrorAlert error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (invitations.length === 0 && !failure) return null;

  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h4">
          Invitations
        </Title>
        <TypedErrorAlert error={failure} />
        {invitations.map((i) => (
          <Group key={i.id} justify="space-between" aria-label={`Invitation to ${i.organizationName}`} role="group">
            <Text>
              <strong>{i.organizationName}</strong> invites you as {i.role} (until {formatDate(i.expiresAt)}).
            </Text>
            <Group gap="xs">
              <Button
                size="xs"
                aria-label={`Accept the invitation to ${i.organizationName}`}
                onClick={async () => {
                  const r = await client.mutation(AcceptInvitation, { input: { id: i.id } }).toPromise();
                  const payload = r.data?.acceptInvitation;
                  if (payload?.__typename === 'MemberPayload') navigate(`/orgs/${payload.member.organization.slug}`);
                  else if (isTypedError(payload)) setFailure(payload);
                }}
              >
                Accept
              </Button>
              <Button
                size="xs"
                variant="default"
                aria-label={`Decline the invitation to ${i.organizationName}`}
                onClick={async () => {
                  const r = await client.mutation(DeclineInvitation, { input: { id: i.id } }).toPromise();
                  const payload = r.data?.declineInvitation;
                  if (isTypedError(payload)) setFailure(payload);
                  else if (payload) {
                    setFailure(null);
                    refetch({ requestPolicy: 'network-only' });
                    onChange();
                  }
                }}
              >
                Decline
              </Button>
            </Group>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
