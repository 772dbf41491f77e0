import { Fragment } from 'react';
import { ROLE_WORDS } from '../ui/words.ts';
import { Table, Text, VisuallyHidden } from '@mantine/core';
import type { MemberRole } from '../gql/graphql.ts';
import { permissionLabel, resourceTitle, resourcesOf } from './catalog.ts';
import { usePermissionCatalog } from './PermissionEditor.tsx';

const ROLES: MemberRole[] = ['OWNER', 'ADMIN', 'MEMBER'];

/** What each member role may do, from the server's catalog and role sets: permission rows × roles, grouped by resource. */
export function RolePermissionsTable() {
  const loaded = usePermissionCatalog();
  if (!loaded) return <Text size="sm">Loading permissions…</Text>;
  const { catalog, roles } = loaded;
  return (
    <Table aria-label="What each role may do" verticalSpacing={2} fz="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Permission</Table.Th>
          {ROLES.map((role) => (
            <Table.Th key={role} ta="center">
              {ROLE_WORDS[role]}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {resourcesOf(catalog).map(({ resource, permissions }) => (
          <Fragment key={resource}>
            <Table.Tr>
              <Table.Th colSpan={ROLES.length + 1} scope="colgroup" bg="var(--mantine-color-default-hover)">
                {resourceTitle(resource)}
              </Table.Th>
            </Table.Tr>
            {permissions.map((e) => (
              <Table.Tr key={e.name}>
                <Table.Th scope="row" fw={400} title={e.description}>
                  {permissionLabel(e.name)}
                </Table.Th>
                {ROLES.map((role) => {
                  const allowed = roles.get(role)?.has(e.name) ?? false;
                  return (
                    <Table.Td key={role} ta="center">
                      <span aria-hidden="true">{allowed ? '✓' : '—'}</span>
                      <VisuallyHidden>{allowed ? 'Allowed' : 'Not allowed'}</VisuallyHidden>
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Fragment>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The roles table behind a disclosure: the members panel stays short until someone asks. */
export function RolesDisclosure() {
  return (
    <details>
      <summary>
        <Text span size="sm" fw={500}>
          What each role may do
        </Text>
      </summary>
      <RolePermissionsTable />
    </details>
  );
}
