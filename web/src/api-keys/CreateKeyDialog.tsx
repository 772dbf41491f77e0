import { useState } from 'react';
import { Button, Group, Modal, Radio, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ExpiryPolicy } from '../gql/graphql.ts';
import { issueFor } from '../ui/errors.tsx';
import { MutationFailureAlert, typedError, useMutation } from '../ui/mutation.tsx';
import { AllowlistField, parseAllowlist } from './AllowlistField.tsx';
import { CreateOrgKey, CreateProjectKey } from './documents.ts';
import { DAY, defaultExpiry, EXPIRY_OPTIONS, type KeyOrg, type KeyProject, type ProjectAccessChoice } from './key-form.ts';
import { ProjectAccessField } from './ProjectAccessField.tsx';
import { toDraft, toQuotaDraft, toQuotaInput, toRateLimitInput, type QuotaDraft, type RateLimitDraft } from './limits.ts';
import { QuotaFields, quotaRules } from './QuotaFields.tsx';
import { RateLimitsField, rateLimitRules } from './RateLimitsField.tsx';
import { KeyGrantsFields, mayGrant } from './KeyGrantsFields.tsx';
import { toPermissionInput, type GrantDraft } from '../permissions/catalog.ts';

const CONTEXT = { additionalTypenames: ['ApiKey'] };
const FIELDS = ['name', 'note', 'projectId', 'projectIds', 'permissions', 'ownedByOrganization', 'policy', 'expiresAt', 'ipAllowlist', 'rateLimits', 'quota'];

type Values = {
  name: string;
  note: string;
  level: 'ORGANIZATION' | 'PROJECT';
  keyProject: string | null;
  access: ProjectAccessChoice;
  selected: string[];
  grants: GrantDraft[];
  serviceKey: boolean;
  expiry: ExpiryPolicy;
  customDate: string;
  allowlist: string;
  rateLimits: RateLimitDraft[];
  quota: QuotaDraft;
};

export function CreateKeyDialog({
  org,
  projects,
  project,
  onClose,
  onCreated,
}: {
  org: KeyOrg;
  projects: KeyProject[];
  /** Set on a project page: the key is a project key of this project. */
  project?: KeyProject;
  onClose: () => void;
  onCreated: (secret: string, keyId: string) => void;
}) {
  const max = org.maxKeyLifetimeDays;
  const maxDate = max != null ? new Date(Date.now() + max * DAY).toISOString().slice(0, 10) : undefined;
  const form = useForm<Values>({
    // A date beyond the organization's limit is named as it is picked, not only on submit.
    validateInputOnChange: ['customDate'],
    initialValues: {
      name: '',
      note: '',
      level: project ? 'PROJECT' : 'ORGANIZATION',
      keyProject: project?.id ?? null,
      access: 'all',
      selected: [],
      // What keys did before permissions existed stays the default: trigger workflows.
      grants: [{ permission: 'workflow:trigger', projectIds: null, workflowIds: null }],
      serviceKey: false,
      expiry: defaultExpiry(max),
      customDate: defaultExpiry(max) === 'CUSTOM' ? (maxDate ?? '') : '',
      allowlist: '',
      // A new key starts with the organization's defaults, shown so that what is created is what was seen.
      rateLimits: (org.defaultKeyRateLimits ?? []).map(toDraft),
      quota: toQuotaDraft(null),
    },
    validate: {
      rateLimits: rateLimitRules,
      quota: quotaRules,
      customDate: (value, values) => {
        if (values.expiry !== 'CUSTOM') return null;
        if (!value) return 'Choose the expiry date.';
        return maxDate && value > maxDate ? `The organization allows keys for at most ${max} days (until ${maxDate}).` : null;
      },
    },
  });
  const createProjectKey = useMutation(CreateProjectKey, (d) => d.createProjectApiKey, { requestPolicy: 'network-only', ...CONTEXT });
  const createOrgKey = useMutation(CreateOrgKey, (d) => d.createOrganizationApiKey, CONTEXT);
  const [allowlistLines, setAllowlistLines] = useState<number[]>([]);
  const { values } = form;
  const sent = values.level === 'PROJECT' ? createProjectKey : createOrgKey;
  const failure = typedError(sent.failure);

  async function submit(v: Values) {
    const allowed = parseAllowlist(v.allowlist);
    setAllowlistLines(allowed.lines);
    const common = {
      name: v.name.trim(),
      note: v.note.trim() || undefined,
      permissions: toPermissionInput(v.grants),
      ...(v.serviceKey ? { ownedByOrganization: true } : {}),
      expiry: { policy: v.expiry, ...(v.expiry === 'CUSTOM' ? { expiresAt: new Date(`${v.customDate}T23:59:59Z`).toISOString() } : {}) },
      ...(allowed.entries.length ? { ipAllowlist: allowed.entries } : {}),
      // Always sent: an empty list is a key without limits, even where the organization has defaults.
      rateLimits: toRateLimitInput(v.rateLimits),
      ...(v.quota.enabled ? { quota: toQuotaInput(v.quota) } : {}),
    };
    const payload =
      v.level === 'PROJECT'
        ? await createProjectKey.run({ input: { ...common, projectId: v.keyProject ?? '' } })
        : await createOrgKey.run({
            input: { ...common, organizationId: org.id, projectAccess: v.access === 'all' ? { all: true } : { projectIds: v.selected } },
          });
    if (payload?.__typename === 'CreateApiKeyPayload') onCreated(payload.secret, payload.apiKey.id);
  }

  const expiryOptions = EXPIRY_OPTIONS.map((o) => ({
    value: o.value,
    label: o.label,
    disabled: max != null && (o.value === 'NEVER' || (o.days != null && o.days > max)),
  }));
  const reached =
    values.level === 'PROJECT'
      ? projects.filter((p) => p.id === values.keyProject)
      : values.access === 'selected'
        ? projects.filter((p) => values.selected.includes(p.id))
        : projects;

  return (
    <Modal closeButtonProps={{ 'aria-label': 'Close dialog' }} opened onClose={onClose} title="Create API key" size="xl">
      <form onSubmit={form.onSubmit(submit)}>
        <Stack>
          <TextInput label="Name" required {...form.getInputProps('name')} error={issueFor(failure, 'input.name')} data-autofocus />
          <Textarea label="Note" {...form.getInputProps('note')} error={issueFor(failure, 'note')} />
          {project ? (
            <Text size="sm">Project key for {project.name}.</Text>
          ) : (
            <Radio.Group label="Key level" {...form.getInputProps('level')}>
              <Group mt={4}>
                <Radio value="ORGANIZATION" label="Organization" />
                <Radio value="PROJECT" label="One project" />
              </Group>
            </Radio.Group>
          )}
          {values.level === 'PROJECT' && !project ? (
            <Select
              label="Project"
              required
              data={projects.map((p) => ({ value: p.id, label: p.name }))}
              {...form.getInputProps('keyProject')}
              error={issueFor(failure, 'projectId')}
            />
          ) : null}
          {values.level === 'ORGANIZATION' ? (
            <ProjectAccessField
              access={values.access}
              onAccess={(next) => form.setFieldValue('access', next)}
              selected={values.selected}
              onSelected={(next) => form.setFieldValue('selected', next)}
              projects={projects}
              error={issueFor(failure, 'projectIds')}
            />
          ) : null}
          <KeyGrantsFields
            org={org}
            projectKey={values.level === 'PROJECT'}
            projects={reached}
            grants={values.grants}
            onGrants={(next) => form.setFieldValue('grants', next)}
            failure={failure}
            serviceKey={
              mayGrant(org)
                ? { inputProps: form.getInputProps('serviceKey', { type: 'checkbox' }), description: 'It keeps working when you leave; it may do at most what an admin may.' }
                : null
            }
          />
          <Select
            label="Expiry"
            description={
              max != null
                ? `This organization allows keys for at most ${max} days.`
                : 'A key that is forgotten stops by itself; 90 days unless you choose otherwise.'
            }
            data={expiryOptions}
            allowDeselect={false}
            {...form.getInputProps('expiry')}
            error={issueFor(failure, 'policy')}
          />
          {values.expiry === 'CUSTOM' ? (
            <TextInput
              type="date"
              label="Expires on (end of day, UTC)"
              required
              min={new Date(Date.now() + DAY).toISOString().slice(0, 10)}
              max={maxDate}
              {...form.getInputProps('customDate')}
              error={form.errors.customDate ?? issueFor(failure, 'expiresAt')}
            />
          ) : null}
          <AllowlistField value={values.allowlist} onChange={(next) => form.setFieldValue('allowlist', next)} failure={failure} lines={allowlistLines} />
          <RateLimitsField
            form={form}
            failure={failure}
            inputField="rateLimits"
            description={
              org.defaultKeyRateLimits?.length
                ? 'Filled in from the organization’s defaults for new keys. A call over any limit gets HTTP 429 and starts nothing.'
                : 'A call over any limit gets HTTP 429 and starts nothing.'
            }
          />
          <QuotaFields form={form} failure={failure} editing={false} />
          <MutationFailureAlert failure={sent.failure} fields={FIELDS} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={sent.busy}>
              Create key
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
