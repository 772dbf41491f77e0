import { useState } from 'react';
import { Alert, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Plan } from '../gql/graphql.ts';
import { issueFor } from '../ui/errors.tsx';
import { MutationFailureAlert, typedError, useMutation } from '../ui/mutation.tsx';
import { OperatorSetPlan } from './documents.ts';

/**
 * Operators stand in for billing. The API lets them change any organization's plan by id, but offers no way to look
 * organizations up (organization(slug) answers only for members), so the id is entered here; the organization page
 * shows it to its members.
 */
export function OperatorPage() {
  const form = useForm({ initialValues: { organizationId: '', plan: 'TEAM' as Plan } });
  const setPlan = useMutation(OperatorSetPlan, (d) => d.setOrganizationPlan);
  const [done, setDone] = useState<string | null>(null);

  async function submit(v: typeof form.values) {
    setDone(null);
    const payload = await setPlan.run({ input: { organizationId: v.organizationId.trim(), plan: v.plan } });
    if (payload?.__typename === 'OrganizationPayload') setDone(`${payload.organization.name} is now on the ${payload.organization.plan} plan.`);
  }

  return (
    <Stack maw={560}>
      <Title order={1}>Operator</Title>
      <Paper withBorder p="md">
        <form onSubmit={form.onSubmit(submit)}>
          <Stack>
            <Text size="sm">Change an organization’s plan (its members see the organization id on its page).</Text>
            <TextInput label="Organization id" required {...form.getInputProps('organizationId')} error={issueFor(typedError(setPlan.failure), 'organizationId')} />
            <Select label="Plan" data={['FREE', 'TEAM', 'ENTERPRISE']} allowDeselect={false} {...form.getInputProps('plan')} />
            <MutationFailureAlert failure={setPlan.failure} fields={['organizationId']} />
            {done ? (
              <Alert color="green" role="status">
                {done}
              </Alert>
            ) : null}
            <Group>
              <Button type="submit" loading={setPlan.busy}>
                Change plan
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
