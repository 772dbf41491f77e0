import { Button, Paper, Select, Stack, Table, Title } from '@mantine/core';
import type { MemberRole } from '../gql/graphql.ts';
import { MutationFailureAlert, useMutation } from '../ui/mutation.tsx';
import { MEMBER_ROLES, RemoveMember, UpdateMember } from './documents.ts';
import { OrganizationInvitations } from './OrganizationInvitations.tsx';
import { RolesDisclosure } from '../permissions/RolePermissionsTable.tsx';

type Member = { id: string; role: MemberRole; workingKeysOwned?: number | null; user: { id: string; email?: string | null; name?: string | null } };

/** The members with their roles; those who may manage members change roles, remove, and invite. */
export function MembersPanel({
  org,
  members,
  canManage,
  onChanged,
}: {
  org: { id: string; name: string; slug: string };
  members: Member[];
  canManage: boolean;
  onChanged: () => void;
}) {
  const update = useMutation(UpdateMember, (d) => d.updateMember);
  const remove = useMutation(RemoveMember, (d) => d.removeMember);
  // One place for the outcome of the last change made here, whichever it was.
  const failure = update.failure ?? remove.failure;
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h4">
          Members
        </Title>
        <MutationFailureAlert failure={failure} />
        <Table aria-label="Members">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>User</Table.Th>
              <Table.Th>Role</Table.Th>
              {canManage ? <Table.Th>Actions</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.map((m) => {
              const who = m.user.email ?? m.user.name ?? m.user.id;
              return (
                <Table.Tr key={m.id}>
                  <Table.Td>{who}</Table.Td>
                  <Table.Td>
                    {canManage ? (
                      <Select
                        aria-label={`Role of ${who}`}
                        data={[...MEMBER_ROLES]}
                        value={m.role}
                        allowDeselect={false}
                        w={140}
                        onChange={async (next) => {
                          if (!next || next === m.role) return;
                          remove.clear();
                          if (await update.run({ input: { id: m.id, role: next as MemberRole } })) onChanged();
                        }}
                      />
                    ) : (
                      m.role
                    )}
                  </Table.Td>
                  {canManage ? (
                    <Table.Td>
                      <Button
                        size="xs"
                        color="red"
                        variant="light"
                        aria-label={`Remove ${who}`}
                        onClick={async () => {
                          // A key does at most what its owner may do: the member's keys stop with the membership.
                          const keys = m.workingKeysOwned ?? 0;
                          const stops = keys ? ` ${keys === 1 ? 'Their API key' : `Their ${keys} API keys`} will stop working (hand ${keys === 1 ? 'it' : 'them'} to someone else or to the organization first).` : '';
                          if (!window.confirm(`Remove ${who} from ${org.name}?${stops}`)) return;
                          update.clear();
                          if (await remove.run({ input: { id: m.id } })) onChanged();
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
        {canManage ? <OrganizationInvitations slug={org.slug} organizationId={org.id} /> : null}
        <RolesDisclosure />
      </Stack>
    </Paper>
  );
}
