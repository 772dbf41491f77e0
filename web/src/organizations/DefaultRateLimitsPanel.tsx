import { useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { sameRateLimits, toDraft, toRateLimitInput, type RateLimit, type RateLimitDraft } from '../api-keys/limits.ts';
import { RateLimitList } from '../api-keys/KeyLimitsPanel.tsx';
import { RateLimitsField, rateLimitRules } from '../api-keys/RateLimitsField.tsx';
import { MutationFailureAlert, typedError, useMutation } from '../ui/mutation.tsx';
import { UpdateOrganization } from './documents.ts';

type Org = { id: string; defaultKeyRateLimits: RateLimit[] };

/**
 * "Rate limits for new keys": what the create dialog fills in. Those the server lets change the organization's settings
 * (`viewerCan.updateOrganization`) edit them here; everyone else reads them. The plan's cap is the server's to say: its
 * issue is shown on the limit that exceeds it.
 */
export function DefaultRateLimitsPanel({ org, canChange }: { org: Org; canChange: boolean }) {
  return (
    <Paper withBorder p="md" data-testid="default-rate-limits">
      <Title order={2} size="h4" mb="xs">
        Rate limits for new keys
      </Title>
      {canChange ? (
        <DefaultRateLimitsForm org={org} />
      ) : (
        <Stack gap={4}>
          {org.defaultKeyRateLimits.length ? (
            <RateLimitList label="Rate limits for new keys" limits={org.defaultKeyRateLimits} />
          ) : (
            <Text size="sm">None: new keys start without rate limits.</Text>
          )}
          <Text size="xs" c="dimmed">
            A new key starts with these; whoever creates it may change them. Owners and admins change the defaults.
          </Text>
        </Stack>
      )}
    </Paper>
  );
}

function DefaultRateLimitsForm({ org }: { org: Org }) {
  const form = useForm<{ rateLimits: RateLimitDraft[] }>({
    initialValues: { rateLimits: org.defaultKeyRateLimits.map(toDraft) },
    validate: { rateLimits: rateLimitRules },
  });
  const update = useMutation(UpdateOrganization, (d) => d.updateOrganization);
  const [saved, setSaved] = useState(false);
  const rows = form.getValues().rateLimits;
  const unchanged = sameRateLimits(toRateLimitInput(rows), org.defaultKeyRateLimits);

  async function submit(values: { rateLimits: RateLimitDraft[] }) {
    setSaved(false);
    if (await update.run({ input: { id: org.id, defaultKeyRateLimits: toRateLimitInput(values.rateLimits) } })) setSaved(true);
  }

  return (
    <form onSubmit={form.onSubmit(submit)}>
      <Stack gap="sm">
        <RateLimitsField
          form={form}
          failure={typedError(update.failure)}
          inputField="defaultKeyRateLimits"
          legend={null}
          description="The create dialog fills these in for every new key; whoever creates a key may change them. Keys that exist keep their own."
        />
        <MutationFailureAlert failure={update.failure} fields={['defaultKeyRateLimits']} />
        {saved ? (
          <Alert color="green" role="status" withCloseButton closeButtonLabel="Dismiss" onClose={() => setSaved(false)}>
            Saved: new keys start with {rows.length ? 'these limits' : 'no rate limits'}.
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" loading={update.busy} disabled={unchanged && !update.failure}>
            Save defaults
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
