import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useClient } from 'urql';
import { graphql } from '../gql/index.ts';
import type { Plan } from '../gql/graphql.ts';
import { TypedErrorAlert, isTypedError, issueFor, type TypedError } from '../errors.tsx';

const SetPlan = graphql(`
  mutation ConsoleOperatorSetPlan($input: SetOrganizationPlanInput!) {
    setOrganizationPlan(input: $input) {
      __typename
      ... on OrganizationPayload {
        organization {
          id
          name
          plan
        }
      }
      ...ConsoleMutationError
    }
  }
`);

/**
 * Operators stand in for billing. The API lets them change any organization's plan by id, but offers no way to look
 * organizations up (organization(slug) answers only for members), so the id is entered here; the organization page
 * shows it to its members.
 */
export function OperatorPage() {
  const client = useClient();
  const [organizationId, setOrganizationId] = useState('');
  const [plan, setPlan] = useState<Plan>('TEAM');
  const [failure, setFailure] = useState<TypedError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const r = await client.mutation(SetPlan, { input: { organizationId: organizationId.trim(), plan } }).toPromise();
    const payload = r.data?.setOrganizationPlan;
    if (payload?.__typename === 'OrganizationPayload') {
      setFailure(null);
      setDone(`${payload.organization.name} is now on the ${payload.organization.plan} plan.`);
    } else if (isTypedError(payload)) setFailure(payload);
    else if (r.error) setFailure({ __typename: 'Error', message: r.error.message });
  }

  return (
    <Stack maw={560}>
      <Title order={1}>Operator</Title>
      <Paper withBorder p="md">
        <form onSubmit={submit}>
          <Stack>
            <Text size="sm">Change an organization’s plan (its members see the organization id on its page).</Text>
            <TextInput label="Organization id" required value={organizationId} onChange={(e) => setOrganizationId(e.currentTarget.value)} error={issueFor(failure, 'organizationId')} />
            <Select label="Plan" data={['FREE', 'TEAM', 'ENTERPRISE']} value={plan} allowDeselect={false} onChange={(v) => v && setPlan(v as Plan)} />
            <TypedErrorAlert error={failure} fields={['organizationId']} />
            {done ? (
              <Alert color="green" role="status">
                {done}
              </Alert>
            ) : null}
            <Group>
              <Button type="submit">Change plan</Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
