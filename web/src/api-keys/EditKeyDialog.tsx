import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from 'urql';
import type { ConsoleKeyLimitsFragment, ConsoleKeyRowFragment } from '../gql/graphql.ts';
import { issueFor } from '../ui/errors.tsx';
import { MutationFailureAlert, typedError, useMutation } from '../ui/mutation.tsx';
import { AllowlistField, parseAllowlist, sameEntries } from './AllowlistField.tsx';
import { KeyLimitsQuery, MembersQuery, UpdateKey } from './documents.ts';
import type { KeyOrg, ProjectAccessChoice } from './key-form.ts';
import { ProjectAccessField } from './ProjectAccessField.tsx';
import { quotaChanged, sameRateLimits, toDraft, toQuotaDraft, toQuotaInput, toRateLimitInput } from './limits.ts';
import { QuotaFields, quotaRules } from './QuotaFields.tsx';
import { RateLimitsField, rateLimitRules } from './RateLimitsField.tsx';
import { KeyGrantsFields, mayGrant } from './KeyGrantsFields.tsx';
import { draftProblem, sameGrants, toPermissionInput, type GrantDraft } from '../permissions/catalog.ts';

const FIELDS = ['name', 'note', 'ownerId', 'ownedByOrganization', 'projectIds', 'permissions', 'ipAllowlist', 'rateLimits', 'quota', 'removeQuota'];

type Props = {
  apiKey: ConsoleKeyRowFragment;
  org: KeyOrg;
  projects: { id: string; name: string; slug: string }[];
  onClose: () => void;
};

/** The key's limits and quota are read fresh when the dialog opens (its credits change with every trigger). */
export function EditKeyDialog(props: Props) {
  const [{ data, error }] = useQuery({ query: KeyLimitsQuery, variables: { id: props.apiKey.id }, requestPolicy: 'network-only' });
  const limits = data?.node?.__typename === 'ApiKey' ? data.node : null;
  return (
    <Modal closeButtonProps={{ 'aria-label': 'Close dialog' }} opened onClose={props.onClose} title={`Edit “${props.apiKey.name}”`} size="xl">
      {limits ? (
        <EditKeyForm {...props} limits={limits} />
      ) : error ? (
        <Alert color="red" title="The key could not be loaded" role="alert">
          {error.networkError ? 'The server could not be reached. Close this dialog and try again.' : error.message}
        </Alert>
      ) : (
        <Text>Loading…</Text>
      )}
    </Modal>
  );
}

function EditKeyForm({ apiKey, org, projects, onClose, limits }: Props & { limits: ConsoleKeyLimitsFragment }) {
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
      rateLimits: limits.rateLimits.map(toDraft),
      quota: toQuotaDraft(limits.quota),
    },
    validate: { rateLimits: rateLimitRules, quota: quotaRules },
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
    const rateLimits = toRateLimitInput(v.rateLimits);
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
      ...(sameRateLimits(rateLimits, limits.rateLimits) ? {} : { rateLimits }),
      // An unchanged quota is not sent: sending it would set the credits back to what the dialog read.
      ...(quotaChanged(v.quota, limits.quota) ? (v.quota.enabled ? { quota: toQuotaInput(v.quota) } : { removeQuota: true }) : {}),
    };
    if (await update.run({ input })) onClose();
  }

  return (
    <form onSubmit={form.onSubmit(submit)}>
      <Stack>
        <TextInput label="Name" required {...form.getInputProps('name')} error={issueFor(failure, 'input.name')} data-autofocus />
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
        <RateLimitsField form={form} failure={failure} inputField="rateLimits" description="A call over any limit gets HTTP 429 and starts nothing. Changes apply from the next call." />
        <QuotaFields form={form} failure={failure} editing />
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
  );
}
