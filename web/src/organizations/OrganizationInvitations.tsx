import { useState } from 'react';
import { Alert, Badge, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from 'urql';
import type { MemberRole } from '../gql/graphql.ts';
import { formatDate } from '../lib/format.ts';
import { RequestErrorAlert, issueFor } from '../ui/errors.tsx';
import { MutationFailureAlert, typedError, useMutation } from '../ui/mutation.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { STICKY_END } from '../ui/tables.ts';
import { ROLE_WORDS, roleOptions } from '../ui/words.ts';
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
  const [revoking, setRevoking] = useState<{ id: string; email: string } | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  // A refused revocation is shown in its dialog; the invite form's outcome here.
  const failure = invite.failure;

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
  // On a phone the role and expiry sit under the address: four columns would hide them under the pinned actions.
  const narrow = useMediaQuery('(max-width: 36em)');
  return (
    <Stack>
      <form onSubmit={form.onSubmit(submit)} aria-label="Invite a member">
        <Group align="flex-end">
          <TextInput label="Email to invite" type="email" required {...form.getInputProps('email')} error={issueFor(typedError(invite.failure), 'email')} />
          <Select label="Role" data={roleOptions(MEMBER_ROLES)} allowDeselect={false} w={140} {...form.getInputProps('role')} />
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
      {!data && !error ? <Text size="sm">Loading…</Text> : null}
      {data && invitations.length === 0 ? (
        <Text size="sm" c="dimmed">
          No pending invitations.
        </Text>
      ) : null}
      {invitations.length > 0 ? (
        <Table.ScrollContainer minWidth={narrow ? 0 : 460} type="native">
        <Table aria-label="Pending invitations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{narrow ? 'Invitation' : 'Email'}</Table.Th>
              {narrow ? null : <Table.Th>Role</Table.Th>}
              {narrow ? null : <Table.Th>Expires</Table.Th>}
              <Table.Th className={STICKY_END}>Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invitations.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  {i.email}
                  {narrow ? (
                    <Text size="xs" c="dimmed">
                      as {ROLE_WORDS[i.role].toLowerCase()}, {i.expired ? 'expired' : `until ${formatDate(i.expiresAt)}`}
                    </Text>
                  ) : null}
                </Table.Td>
                {narrow ? null : <Table.Td>{ROLE_WORDS[i.role]}</Table.Td>}
                {narrow ? null : <Table.Td>{i.expired ? <Badge color="gray" variant="light">Expired</Badge> : formatDate(i.expiresAt)}</Table.Td>}
                <Table.Td className={STICKY_END}>
                  <Button
                    size="xs"
                    color="red"
                    variant="light"
                    aria-label={`Revoke the invitation of ${i.email}`}
                    onClick={() => (invite.clear(), revoke.clear(), setRevoking({ id: i.id, email: i.email }))}
                  >
                    Revoke
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        </Table.ScrollContainer>
      ) : null}
      {revoking ? (
        <ConfirmDialog
          title={`Revoke the invitation of ${revoking.email}?`}
          action="Revoke invitation"
          busy={revoke.busy}
          failure={revoke.failure}
          onClose={() => setRevoking(null)}
          onConfirm={async () => {
            if (await revoke.run({ input: { id: revoking.id } })) {
              setRevoking(null);
              setSent(null);
              reload();
            }
          }}
        >
          <Text size="sm">{revoking.email} will no longer be able to join with it. You can invite the address again later.</Text>
        </ConfirmDialog>
      ) : null}
    </Stack>
  );
}
