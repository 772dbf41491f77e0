import { useState } from 'react';
import { Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { MemberRole } from '../gql/graphql.ts';
import { navigate } from '../lib/router.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { MutationFailureAlert, useMutation } from '../ui/mutation.tsx';
import { STICKY_END } from '../ui/tables.ts';
import { ROLE_WORDS, roleOptions } from '../ui/words.ts';
import { LeaveOrganization, MEMBER_ROLES, RemoveMember, UpdateMember } from './documents.ts';
import { OrganizationInvitations } from './OrganizationInvitations.tsx';
import { RolesDisclosure } from '../permissions/RolePermissionsTable.tsx';

type Member = { id: string; role: MemberRole; workingKeysOwned?: number | null; user: { id: string; email?: string | null; name?: string | null } };

const whoIs = (m: Member) => m.user.email ?? m.user.name ?? m.user.id;

/** What removing (or leaving) stops: a key does at most what its owner may do, so the member's keys stop with the membership. */
function keysStop(keys: number, own: boolean): string {
  if (!keys) return '';
  const their = own ? 'Your' : 'Their';
  return ` ${keys === 1 ? `${their} API key` : `${their} ${keys} API keys`} will stop working (hand ${keys === 1 ? 'it' : 'them'} to someone else or to the organization first).`;
}

/** The members with their roles; those who may manage members change roles, remove, and invite; anyone may leave. */
export function MembersPanel({
  org,
  members,
  viewerUserId,
  canManage,
  onChanged,
}: {
  org: { id: string; name: string; slug: string };
  members: Member[];
  /** The signed-in person's user id: their own row offers "Leave". */
  viewerUserId: string | null;
  canManage: boolean;
  onChanged: () => void;
}) {
  const update = useMutation(UpdateMember, (d) => d.updateMember);
  const remove = useMutation(RemoveMember, (d) => d.removeMember);
  const leave = useMutation(LeaveOrganization, (d) => d.leaveOrganization);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [leaving, setLeaving] = useState<Member | null>(null);
  // On a phone the role sits under the person (two columns fit; three would hide the role under the pinned actions).
  const narrow = useMediaQuery('(max-width: 36em)');
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h4">
          Members
        </Title>
        <Table.ScrollContainer minWidth={narrow ? 0 : 420} type="native">
          <Table aria-label="Members">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{narrow ? 'User and role' : 'User'}</Table.Th>
                {narrow ? null : <Table.Th>Role</Table.Th>}
                <Table.Th className={STICKY_END}>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.map((m) => {
                const who = whoIs(m);
                const me = m.user.id === viewerUserId;
                const role = canManage ? (
                  <Select
                    aria-label={`Role of ${who}`}
                    data={roleOptions(MEMBER_ROLES)}
                    value={m.role}
                    allowDeselect={false}
                    w={120}
                    onChange={async (next) => {
                      if (!next || next === m.role) return;
                      if (await update.run({ input: { id: m.id, role: next as MemberRole } })) onChanged();
                    }}
                  />
                ) : (
                  ROLE_WORDS[m.role]
                );
                return (
                  <Table.Tr key={m.id}>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      {who}
                      {me ? (
                        <Text span size="sm" c="dimmed">
                          {' '}
                          (you)
                        </Text>
                      ) : null}
                      {narrow ? <div style={{ marginTop: 4 }}>{role}</div> : null}
                    </Table.Td>
                    {narrow ? null : <Table.Td>{role}</Table.Td>}
                    <Table.Td className={STICKY_END}>
                      <Group gap={4} wrap="nowrap">
                        {me ? (
                          <Button size="xs" variant="default" onClick={() => (leave.clear(), setLeaving(m))}>
                            Leave
                          </Button>
                        ) : canManage ? (
                          <Button size="xs" color="red" variant="light" aria-label={`Remove ${who}`} onClick={() => (remove.clear(), setRemoving(m))}>
                            Remove
                          </Button>
                        ) : null}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {/* A refused role change is told right under the list it was made in. */}
        <MutationFailureAlert failure={update.failure} />
        {canManage ? <OrganizationInvitations slug={org.slug} organizationId={org.id} /> : null}
        <RolesDisclosure />
      </Stack>
      {removing ? (
        <ConfirmDialog
          title={`Remove ${whoIs(removing)}?`}
          action="Remove member"
          busy={remove.busy}
          failure={remove.failure}
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            if (await remove.run({ input: { id: removing.id } })) {
              setRemoving(null);
              onChanged();
            }
          }}
        >
          <Text size="sm">
            {whoIs(removing)} will no longer see {org.name}.{keysStop(removing.workingKeysOwned ?? 0, false)}
          </Text>
        </ConfirmDialog>
      ) : null}
      {leaving ? (
        <ConfirmDialog
          title={`Leave ${org.name}?`}
          action="Leave organization"
          busy={leave.busy}
          failure={leave.failure}
          onClose={() => setLeaving(null)}
          onConfirm={async () => {
            if (await leave.run({ input: { organizationId: org.id } })) {
              setLeaving(null);
              navigate('/');
            }
          }}
        >
          <Text size="sm">
            You will no longer see {org.name}; an owner or admin can invite you again.{keysStop(leaving.workingKeysOwned ?? 0, true)}
          </Text>
        </ConfirmDialog>
      ) : null}
    </Paper>
  );
}
