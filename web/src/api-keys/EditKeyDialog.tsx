import { useState } from 'react';
import { Button, Checkbox, Group, Modal, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from 'urql';
import type { ConsoleKeyRowFragment } from '../gql/graphql.ts';
import { issueFor } from '../ui/errors.tsx';
import { MutationFailureAlert, typedError, useMutation } from '../ui/mutation.tsx';
import { AllowlistField, parseAllowlist, sameEntries } from './AllowlistField.tsx';
import { MembersQuery, UpdateKey } from './documents.ts';
import type { KeyOrg, ProjectAccessChoice } from './key-form.ts';
import { ProjectAccessField } from './ProjectAccessField.tsx';
import { KeyGrantsFields, mayGrant } from './KeyGrantsFields.tsx';
import { draftProblem, sameGrants, toPermissionInput, type GrantDraft } from '../permissions/catalog.ts';

const FIELDS = ['name', 'note', 'ownerId', 'ownedByOrganization', 'projectIds', 'permissions', 'ipAllowlist'];

export function EditKeyDialog({
  apiKey,
  org,
  projects,
  onClose,
}: {
  apiKey: ConsoleKeyRowFragment;
  org: KeyOrg;
  projects: { id: string; name: string; slug: string }[];
  onClose: () => void;
}) {
  const [{ data }] = useQuery({ query: MembersQuery, variables: { slug: org.slug } });
  const initialGrants: GrantDraft[] = apiKey.permissions.map((g) => ({ permission: g.permission, projectIds: g.projectIds ?? null, workflowIds: g.workflowIds ?? null }));
  const grants = mayGrant(org);
  const form = useForm({
    initialValues: {
      name: apiKey.name,
      note: apiKey.note ?? '',
      owner: apiKey.owner?.id ?? null,
      active: apiKey.status !== 'INACTIVE',
      access: (apiKey.projectAccess.all ? 'all' : 'selected') as ProjectAccessChoice,
      selected: apiKey.projectAccess.projects.map((p) => p.id),
      allowlist: apiKey.ipAllowlist.join('\n'),
      grants: initialGrants,
      serviceKey: apiKey.ownedByOrganization,
    },
  });
  const update = useMutation(UpdateKey, (d) => d.updateApiKey);
  const [allowlistLines, setAllowlistLines] = useState<number[]>([]);
  const failure = typedError(update.failure);
  const members = data?.organization?.members?.edges.map((e) => ({ value: e.node.user.id, label: e.node.user.email ?? e.node.user.name ?? e.node.user.id })) ?? [];
  const canToggle = apiKey.status === 'ACTIVE' || apiKey.status === 'INACTIVE';
  const { values } = form;

  async function submit(v: typeof values) {
    if (grants && draftProblem(v.grants, [])) return;
    const allowed = parseAllowlist(v.allowlist);
    setAllowlistLines(allowed.lines);
    const input = {
      id: apiKey.id,
      name: v.name.trim(),
      note: v.note.trim(),
      ...(v.owner && v.owner !== apiKey.owner?.id && !v.serviceKey ? { ownerId: v.owner } : {}),
      ...(v.serviceKey && !apiKey.ownedByOrganization ? { ownedByOrganization: true } : {}),
      ...(grants && !sameGrants(v.grants, initialGrants) ? { permissions: toPermissionInput(v.grants) } : {}),
      ...(canToggle ? { status: v.active ? ('ACTIVE' as const) : ('INACTIVE' as const) } : {}),
      ...(apiKey.level === 'ORGANIZATION' ? { projectAccess: v.access === 'all' ? { all: true } : { projectIds: v.selected } } : {}),
      // Sent only when changed; an empty list allows any address again.
      ...(sameEntries(allowed.entries, apiKey.ipAllowlist) ? {} : { ipAllowlist: allowed.entries }),
    };
    if (await update.run({ input })) onClose();
  }

  return (
    <Modal closeButtonProps={{ 'aria-label': 'Close dialog' }} opened onClose={onClose} title={`Edit “${apiKey.name}”`} size="xl">
      <form onSubmit={form.onSubmit(submit)}>
        <Stack>
          <TextInput label="Name" required {...form.getInputProps('name')} error={issueFor(failure, 'name')} data-autofocus />
          <Textarea label="Note" {...form.getInputProps('note')} error={issueFor(failure, 'note')} />
          <Select
            label="Owner"
            data={members}
            allowDeselect={false}
            {...form.getInputProps('owner')}
            value={values.serviceKey ? null : values.owner}
            placeholder={values.serviceKey ? 'The organization' : undefined}
            disabled={values.serviceKey && !apiKey.ownedByOrganization}
            onChange={(v) => (form.setFieldValue('owner', v), form.setFieldValue('serviceKey', false))}
            error={issueFor(failure, 'ownerId')}
          />
          {canToggle ? <Checkbox label="Active (an inactive key is refused until switched on again)" {...form.getInputProps('active', { type: 'checkbox' })} /> : null}
          {apiKey.level === 'ORGANIZATION' ? (
            <ProjectAccessField
              access={values.access}
              onAccess={(next) => form.setFieldValue('access', next)}
              selected={values.selected}
              onSelected={(next) => form.setFieldValue('selected', next)}
              projects={projects}
              error={issueFor(failure, 'projectIds')}
            />
          ) : null}
          {grants ? (
            <KeyGrantsFields
              org={org}
              projectKey={apiKey.level === 'PROJECT'}
              projects={
                apiKey.level === 'PROJECT' ? (apiKey.project ? [apiKey.project] : []) : values.access === 'selected' ? projects.filter((p) => values.selected.includes(p.id)) : projects
              }
              grants={values.grants}
              onGrants={(next) => form.setFieldValue('grants', next)}
              failure={failure}
              serviceKey={
                apiKey.ownedByOrganization
                  ? null
                  : { inputProps: form.getInputProps('serviceKey', { type: 'checkbox' }), description: 'It keeps working whatever happens to its owner; it may do at most what an admin may.' }
              }
            />
          ) : null}
          <AllowlistField value={values.allowlist} onChange={(next) => form.setFieldValue('allowlist', next)} failure={failure} lines={allowlistLines} />
          <MutationFailureAlert failure={update.failure} fields={FIELDS} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={update.busy}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
