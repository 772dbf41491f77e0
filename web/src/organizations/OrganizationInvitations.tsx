import { useState } from 'react';
import { Alert, Badge, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from 'urql';
import type { MemberRole } from '../gql/graphql.ts';
import { formatDate } from '../lib/format.ts';
import { RequestErrorAlert, issueFor } from '../ui/errors.tsx';
import { MutationFailureAlert, typedError, useMutation } from '../ui/mutation.tsx';
import { INVITATION_CONTEXT, InviteMember, MEMBER_ROLES, PendingInvitations, RevokeInvitation } from './documents.ts';

// Invitations, the organization's side: its OWNERs and ADMINs invite an email and see what is pending. Nobody joins
// without accepting (YourInvitations.tsx is the invited person's side).


/** The members panel's invite form and pending list. Rendered only for those who may manage members (others may not read them). */
export function OrganizationInvitations({ slug, organizationId }: { slug: string; organizationId: string }) {
  const [{ data, error }, refetch] = useQuery({ query: PendingInvitations, variables: { slug }, context: INVITATION_CONTEXT });
  const form = useForm({ initialValues: { email: '', role: 'MEMBER' as MemberRole } });
  const invite = useMutation(InviteMember, (d) => d.inviteMember);
  const revoke = useMutation(RevokeInvitation, (d) => d.revokeInvitation);
  const [sent, setSent] = useState<{ email: string; expiresAt: string } | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const failure = invite.failure ?? revoke.failure;

  async function submit(v: typeof form.values) {
    setSent(null);
    revoke.clear();
    const payload = await invite.run({ input: { organizationId, email: v.email.trim(), role: v.role } });
    if (payload?.__typename === 'InvitationPayload') {
      setSent({ email: payload.invitation.email, expiresAt: payload.invitation.expiresAt });
      form.setFieldValue('email', '');
      reload();
    }
  }

  const invitations = data?.organization?.invitations?.edges.map((e) => e.node) ?? [];
  return (
    <Stack>
      <form onSubmit={form.onSubmit(submit)} aria-label="Invite a member">
        <Group align="flex-end">
          <TextInput label="Email to invite" type="email" required {...form.getInputProps('email')} error={issueFor(typedError(invite.failure), 'email')} />
          <Select label="Role" data={[...MEMBER_ROLES]} allowDeselect={false} w={140} {...form.getInputProps('role')} />
          <Button type="submit" loading={invite.busy}>
            Invite
          </Button>
        </Group>
      </form>
      <MutationFailureAlert failure={failure} fields={['email']} />
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
                      invite.clear();
                      if (await revoke.run({ input: { id: i.id } })) {
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
