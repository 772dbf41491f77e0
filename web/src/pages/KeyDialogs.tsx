import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Radio,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useClient, useQuery } from 'urql';
import type { ConsoleKeyRowFragment, ExpiryPolicy, MemberRole } from '../gql/graphql.ts';
import { TypedErrorAlert, formatDate, isTypedError, issueFor, type TypedError } from '../errors.tsx';
import { ConfirmDialog } from './dialogs.tsx';
import { AllowlistField, parseAllowlist, sameEntries } from './AllowlistField.tsx';
import { PermissionEditor } from './PermissionEditor.tsx';
import { draftProblem, sameGrants, toPermissionInput, type GrantDraft } from '../permissions.ts';
import { CreateOrgKey, CreateProjectKey, MembersQuery, RevokeKey, RotateKey, DeleteKey, UpdateKey } from './keyDocuments.ts';

const DAY = 86_400_000;
const EXPIRY_OPTIONS: { value: ExpiryPolicy; label: string; days: number | null }[] = [
  { value: 'NEVER', label: 'No expiry', days: null },
  { value: 'DAYS_7', label: '7 days', days: 7 },
  { value: 'DAYS_30', label: '30 days', days: 30 },
  { value: 'DAYS_60', label: '60 days', days: 60 },
  { value: 'DAYS_90', label: '90 days', days: 90 },
  { value: 'CUSTOM', label: 'Custom date', days: null },
];
type Org = { id: string; slug: string; maxKeyLifetimeDays: number | null; viewerRole?: MemberRole | null };

type Project = { id: string; name: string; slug: string };

export function CreateKeyDialog({
  opened,
  org,
  projects,
  project,
  onClose,
  onCreated,
}: {
  opened: boolean;
  org: Org;
  projects: Project[];
  /** Set on a project page: the key is a project key of this project. */
  project?: Project;
  onClose: () => void;
  onCreated: (secret: string) => void;
}) {
  const client = useClient();
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [level, setLevel] = useState<'ORGANIZATION' | 'PROJECT'>(project ? 'PROJECT' : 'ORGANIZATION');
  const [keyProject, setKeyProject] = useState<string | null>(project?.id ?? null);
  const [access, setAccess] = useState<'all' | 'selected'>('all');
  const [selected, setSelected] = useState<string[]>([]);
  // What keys did before permissions existed stays the default: trigger workflows.
  const [grants, setGrants] = useState<GrantDraft[]>([{ permission: 'workflow:trigger', projectIds: null, workflowIds: null }]);
  const [serviceKey, setServiceKey] = useState(false);
  const [expiry, setExpiry] = useState<ExpiryPolicy>(org.maxKeyLifetimeDays ? 'DAYS_30' : 'NEVER');
  const [customDate, setCustomDate] = useState('');
  const [allowlist, setAllowlist] = useState('');
  const [allowlistLines, setAllowlistLines] = useState<number[]>([]);
  const [failure, setFailure] = useState<TypedError | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const max = org.maxKeyLifetimeDays;
  const expiryOptions = EXPIRY_OPTIONS.map((o) => ({
    value: o.value,
    label: o.label,
    disabled: max != null && (o.value === 'NEVER' || (o.days != null && o.days > max)),
  }));
  const maxDate = max != null ? new Date(Date.now() + max * DAY).toISOString().slice(0, 10) : undefined;
  const customDateError =
    expiry === 'CUSTOM' && customDate && maxDate && customDate > maxDate
      ? `The organization allows keys for at most ${max} days (until ${maxDate}).`
      : issueFor(failure, 'expiresAt');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    if (expiry === 'CUSTOM' && !customDate) return setFormError('Choose the expiry date.');
    if (customDateError && expiry === 'CUSTOM' && customDate > (maxDate ?? '9999')) return;
    if (draftProblem(grants, [])) return;
    const expiryInput = {
      policy: expiry,
      ...(expiry === 'CUSTOM' ? { expiresAt: new Date(`${customDate}T23:59:59Z`).toISOString() } : {}),
    };
    const allowed = parseAllowlist(allowlist);
    setAllowlistLines(allowed.lines);
    setBusy(true);
    const common = {
      name: name.trim(),
      note: note.trim() || undefined,
      permissions: toPermissionInput(grants),
      ...(serviceKey ? { ownedByOrganization: true } : {}),
      expiry: expiryInput,
      ...(allowed.entries.length ? { ipAllowlist: allowed.entries } : {}),
    };
    const result =
      level === 'PROJECT'
        ? await client
            .mutation(CreateProjectKey, { input: { ...common, projectId: keyProject ?? '' } }, { requestPolicy: 'network-only', additionalTypenames: ['ApiKey'] })
            .toPromise()
        : await client
            .mutation(
              CreateOrgKey,
              { input: { ...common, organizationId: org.id, projectAccess: access === 'all' ? { all: true } : { projectIds: selected } } },
              { additionalTypenames: ['ApiKey'] },
            )
            .toPromise();
    setBusy(false);
    const data = result.data as
      | { createProjectApiKey?: { __typename: string; secret?: string } }
      | { createOrganizationApiKey?: { __typename: string; secret?: string } }
      | undefined;
    const payload = data && ('createProjectApiKey' in data ? data.createProjectApiKey : 'createOrganizationApiKey' in data ? data.createOrganizationApiKey : undefined);
    if (result.error) return setFormError(result.error.networkError ? 'The server could not be reached.' : result.error.message);
    if (payload && isTypedError(payload)) return setFailure(payload);
    if (payload?.secret) {
      setFailure(null);
      setName('');
      setNote('');
      setAllowlist('');
      onCreated(payload.secret);
    }
  }

  return (
    <Modal closeButtonProps={{ 'aria-label': 'Close dialog' }} opened={opened} onClose={onClose} title="Create API key" size="xl">
      <form onSubmit={submit}>
        <Stack>
          <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={issueFor(failure, 'name')} data-autofocus />
          <Textarea label="Note" value={note} onChange={(e) => setNote(e.currentTarget.value)} error={issueFor(failure, 'note')} />
          {project ? (
            <Text size="sm">Project key for {project.name}.</Text>
          ) : (
            <Radio.Group label="Key level" value={level} onChange={(v) => setLevel(v as 'ORGANIZATION' | 'PROJECT')}>
              <Group mt={4}>
                <Radio value="ORGANIZATION" label="Organization" />
                <Radio value="PROJECT" label="One project" />
              </Group>
            </Radio.Group>
          )}
          {level === 'PROJECT' && !project ? (
            <Select
              label="Project"
              required
              data={projects.map((p) => ({ value: p.id, label: p.name }))}
              value={keyProject}
              onChange={setKeyProject}
              error={issueFor(failure, 'projectId')}
            />
          ) : null}
          {level === 'ORGANIZATION' ? (
            <>
              <Radio.Group label="Project access" value={access} onChange={(v) => setAccess(v as 'all' | 'selected')}>
                <Group mt={4}>
                  <Radio value="all" label="All projects (including future ones)" />
                  <Radio value="selected" label="Selected projects" />
                </Group>
              </Radio.Group>
              {access === 'selected' ? (
                <MultiSelect
                  label="Projects"
                  data={projects.map((p) => ({ value: p.id, label: p.name }))}
                  value={selected}
                  onChange={setSelected}
                  error={issueFor(failure, 'projectIds')}
                />
              ) : null}
            </>
          ) : null}
          <PermissionEditor
            slug={org.slug}
            role={org.viewerRole ?? null}
            projectKey={level === 'PROJECT'}
            value={grants}
            onChange={setGrants}
            error={issueFor(failure, 'permissions')}
            projects={level === 'PROJECT' ? projects.filter((p) => p.id === keyProject) : access === 'selected' ? projects.filter((p) => selected.includes(p.id)) : projects}
          />
          {org.viewerRole === 'OWNER' || org.viewerRole === 'ADMIN' ? (
            <Checkbox
              label="Owned by the organization (service key)"
              description="It keeps working when you leave; it may do at most what an admin may."
              checked={serviceKey}
              onChange={(e) => setServiceKey(e.currentTarget.checked)}
            />
          ) : null}
          <Select
            label="Expiry"
            description={max != null ? `This organization allows keys for at most ${max} days.` : undefined}
            data={expiryOptions}
            value={expiry}
            allowDeselect={false}
            onChange={(v) => v && setExpiry(v as ExpiryPolicy)}
            error={issueFor(failure, 'policy')}
          />
          {expiry === 'CUSTOM' ? (
            <TextInput
              type="date"
              label="Expires on (end of day, UTC)"
              required
              min={new Date(Date.now() + DAY).toISOString().slice(0, 10)}
              max={maxDate}
              value={customDate}
              onChange={(e) => setCustomDate(e.currentTarget.value)}
              error={customDateError}
            />
          ) : null}
          <AllowlistField value={allowlist} onChange={setAllowlist} failure={failure} lines={allowlistLines} />
          <TypedErrorAlert error={failure} fields={['name', 'note', 'projectId', 'projectIds', 'permissions', 'policy', 'expiresAt', 'ipAllowlist']} />
          {formError ? (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Create key
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function RotateDialog({ apiKey, onClose, onRotated }: { apiKey: ConsoleKeyRowFragment | null; onClose: () => void; onRotated: (secret: string) => void }) {
  const client = useClient();
  const [grace, setGrace] = useState('0');
  const [customMinutes, setCustomMinutes] = useState<number | string>(60);
  const [failure, setFailure] = useState<TypedError | null>(null);
  const [busy, setBusy] = useState(false);
  if (!apiKey) return null;
  const untilExpiry = apiKey.expiresAt ? Math.max(0, Math.floor((Date.parse(apiKey.expiresAt) - Date.now()) / 1000)) : Infinity;
  const requested = grace === 'custom' ? Math.round(Number(customMinutes) * 60) : Number(grace);
  const seconds = Math.min(requested, untilExpiry);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const r = await client.mutation(RotateKey, { input: { id: apiKey!.id, gracePeriodSeconds: seconds } }, { additionalTypenames: ['ApiKey'] }).toPromise();
    setBusy(false);
    const payload = r.data?.rotateApiKey;
    if (payload?.__typename === 'RotateApiKeyPayload') {
      setFailure(null);
      onRotated(payload.secret);
    } else if (isTypedError(payload)) setFailure(payload);
  }

  return (
    <Modal closeButtonProps={{ 'aria-label': 'Close dialog' }} opened onClose={onClose} title={`Rotate “${apiKey.name}”`}>
      <form onSubmit={submit}>
        <Stack>
          <Text size="sm">A new key with the same settings is issued. How long should the current key keep working?</Text>
          <Radio.Group label="Grace period" value={grace} onChange={setGrace}>
            <Stack mt={4} gap={6}>
              <Radio value="0" label="Stop immediately" />
              <Radio value="3600" label="1 hour" />
              <Radio value="86400" label="24 hours" />
              <Radio value="custom" label="Custom" />
            </Stack>
          </Radio.Group>
          {grace === 'custom' ? (
            <NumberInput label="Grace period in minutes (at most 1440)" min={0} max={1440} value={customMinutes} onChange={setCustomMinutes} clampBehavior="strict" />
          ) : null}
          {apiKey.expiresAt && requested > untilExpiry ? (
            <Text size="sm" c="orange">
              The current key expires {formatDate(apiKey.expiresAt)}: its grace ends then.
            </Text>
          ) : null}
          <TypedErrorAlert error={failure} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Rotate key
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function RevokeDialog({ apiKey, onClose }: { apiKey: ConsoleKeyRowFragment | null; onClose: () => void }) {
  const client = useClient();
  if (!apiKey) return null;
  return (
    <ConfirmDialog
      title={`Revoke “${apiKey.name}”?`}
      action="Revoke key"
      onClose={onClose}
      run={async () => {
        const r = await client.mutation(RevokeKey, { input: { id: apiKey.id } }, { additionalTypenames: ['ApiKey'] }).toPromise();
        return { payload: r.data?.revokeApiKey, error: r.error };
      }}
    >
      <Text size="sm">
        Revoking is irreversible: the key stops working on its next request and cannot be switched on again. It stays listed as revoked.
      </Text>
    </ConfirmDialog>
  );
}

export function DeleteDialog({ apiKey, onClose }: { apiKey: ConsoleKeyRowFragment | null; onClose: () => void }) {
  const client = useClient();
  if (!apiKey) return null;
  const recentlyUsed = apiKey.lastUsedAt && Date.now() - Date.parse(apiKey.lastUsedAt) < 7 * DAY;
  return (
    <ConfirmDialog
      title={`Delete “${apiKey.name}”?`}
      action="Delete key"
      onClose={onClose}
      run={async () => {
        const r = await client.mutation(DeleteKey, { input: { id: apiKey.id } }, { additionalTypenames: ['ApiKey'] }).toPromise();
        return { payload: r.data?.deleteApiKey, error: r.error };
      }}
    >
      {recentlyUsed ? (
        <Alert color="orange" title="This key is in use">
          It was last used {formatDate(apiKey.lastUsedAt)}. Whatever uses it will get 401 on its next request.
        </Alert>
      ) : null}
      <Text size="sm">The key stops working immediately and disappears from the list. This cannot be undone.</Text>
    </ConfirmDialog>
  );
}

export function EditDialog({
  apiKey,
  org,
  projects,
  onClose,
}: {
  apiKey: ConsoleKeyRowFragment | null;
  org: Org;
  projects: Project[];
  onClose: () => void;
}) {
  if (!apiKey) return null;
  return <EditForm key={apiKey.id} apiKey={apiKey} org={org} projects={projects} onClose={onClose} />;
}

function EditForm({ apiKey, org, projects, onClose }: { apiKey: ConsoleKeyRowFragment; org: Org; projects: Project[]; onClose: () => void }) {
  const client = useClient();
  const [{ data }] = useQuery({ query: MembersQuery, variables: { slug: org.slug } });
  const [name, setName] = useState(apiKey.name);
  const [note, setNote] = useState(apiKey.note ?? '');
  const [owner, setOwner] = useState<string | null>(null);
  const [active, setActive] = useState(apiKey.status !== 'INACTIVE');
  const [access, setAccess] = useState<'all' | 'selected'>(apiKey.projectAccess.all ? 'all' : 'selected');
  const [selected, setSelected] = useState(apiKey.projectAccess.projects.map((p) => p.id));
  const [allowlist, setAllowlist] = useState(apiKey.ipAllowlist.join('\n'));
  const [allowlistLines, setAllowlistLines] = useState<number[]>([]);
  const [failure, setFailure] = useState<TypedError | null>(null);
  const initialGrants = apiKey.permissions.map((g) => ({ permission: g.permission, projectIds: g.projectIds ?? null, workflowIds: g.workflowIds ?? null }));
  const [grants, setGrants] = useState<GrantDraft[]>(initialGrants);
  const [serviceKey, setServiceKey] = useState(apiKey.ownedByOrganization);
  // Only owners and admins change what a key may do (the server refuses anyone else).
  const mayGrant = org.viewerRole === 'OWNER' || org.viewerRole === 'ADMIN';
  const members = data?.organization?.members?.edges.map((e) => ({ value: e.node.user.id, label: e.node.user.email ?? e.node.user.name ?? e.node.user.id })) ?? [];
  const canToggle = apiKey.status === 'ACTIVE' || apiKey.status === 'INACTIVE';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (mayGrant && draftProblem(grants, [])) return;
    const allowed = parseAllowlist(allowlist);
    setAllowlistLines(allowed.lines);
    const input = {
      id: apiKey.id,
      name: name.trim(),
      note: note.trim(),
      ...(owner && owner !== apiKey.owner?.id && !serviceKey ? { ownerId: owner } : {}),
      ...(serviceKey && !apiKey.ownedByOrganization ? { ownedByOrganization: true } : {}),
      ...(mayGrant && !sameGrants(grants, initialGrants) ? { permissions: toPermissionInput(grants) } : {}),
      ...(canToggle ? { status: active ? ('ACTIVE' as const) : ('INACTIVE' as const) } : {}),
      ...(apiKey.level === 'ORGANIZATION' ? { projectAccess: access === 'all' ? { all: true } : { projectIds: selected } } : {}),
      // Sent only when changed; an empty list allows any address again.
      ...(sameEntries(allowed.entries, apiKey.ipAllowlist) ? {} : { ipAllowlist: allowed.entries }),
    };
    const r = await client.mutation(UpdateKey, { input }).toPromise();
    const payload = r.data?.updateApiKey;
    if (isTypedError(payload)) setFailure(payload);
    else if (!r.error) onClose();
  }

  return (
    <Modal closeButtonProps={{ 'aria-label': 'Close dialog' }} opened onClose={onClose} title={`Edit “${apiKey.name}”`} size="xl">
      <form onSubmit={submit}>
        <Stack>
          <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={issueFor(failure, 'name')} data-autofocus />
          <Textarea label="Note" value={note} onChange={(e) => setNote(e.currentTarget.value)} error={issueFor(failure, 'note')} />
          <Select
            label="Owner"
            data={members}
            value={serviceKey ? null : (owner ?? apiKey.owner?.id ?? null)}
            placeholder={serviceKey ? 'The organization' : undefined}
            disabled={serviceKey && !apiKey.ownedByOrganization}
            onChange={(v) => (setOwner(v), setServiceKey(false))}
            allowDeselect={false}
            error={issueFor(failure, 'ownerId')}
          />
          {mayGrant && !apiKey.ownedByOrganization ? (
            <Checkbox
              label="Owned by the organization (service key)"
              description="It keeps working whatever happens to its owner; it may do at most what an admin may."
              checked={serviceKey}
              onChange={(e) => setServiceKey(e.currentTarget.checked)}
              error={issueFor(failure, 'ownedByOrganization')}
            />
          ) : null}
          {canToggle ? <Checkbox label="Active (an inactive key is refused until switched on again)" checked={active} onChange={(e) => setActive(e.currentTarget.checked)} /> : null}
          {apiKey.level === 'ORGANIZATION' ? (
            <>
              <Radio.Group label="Project access" value={access} onChange={(v) => setAccess(v as 'all' | 'selected')}>
                <Group mt={4}>
                  <Radio value="all" label="All projects (including future ones)" />
                  <Radio value="selected" label="Selected projects" />
                </Group>
              </Radio.Group>
              {access === 'selected' ? (
                <MultiSelect label="Projects" data={projects.map((p) => ({ value: p.id, label: p.name }))} value={selected} onChange={setSelected} error={issueFor(failure, 'projectIds')} />
              ) : null}
            </>
          ) : null}
          {mayGrant ? (
            <PermissionEditor
              slug={org.slug}
              role={org.viewerRole ?? null}
              projectKey={apiKey.level === 'PROJECT'}
              value={grants}
              onChange={setGrants}
              error={issueFor(failure, 'permissions')}
              projects={
                apiKey.level === 'PROJECT' ? (apiKey.project ? [apiKey.project] : []) : access === 'selected' ? projects.filter((p) => selected.includes(p.id)) : projects
              }
            />
          ) : null}
          <AllowlistField value={allowlist} onChange={setAllowlist} failure={failure} lines={allowlistLines} />
          <TypedErrorAlert error={failure} fields={['name', 'note', 'ownerId', 'ownedByOrganization', 'projectIds', 'permissions', 'ipAllowlist']} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit">Save</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
