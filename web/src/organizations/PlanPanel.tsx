import { Paper, Select, Title } from '@mantine/core';
import type { Plan } from '../gql/graphql.ts';
import { MutationFailureAlert, useMutation } from '../ui/mutation.tsx';
import { SetPlan } from './documents.ts';

const PLANS: Plan[] = ['FREE', 'TEAM', 'ENTERPRISE'];

/** A platform operator's plan choice on the organization page. */
export function PlanPanel({ org, onChanged }: { org: { id: string; plan: Plan }; onChanged: () => void }) {
  const setPlan = useMutation(SetPlan, (d) => d.setOrganizationPlan);
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4">
        Operator
      </Title>
      <Select
        maw={240}
        label="Plan"
        data={PLANS}
        value={org.plan}
        allowDeselect={false}
        onChange={async (plan) => {
          if (plan && (await setPlan.run({ input: { organizationId: org.id, plan: plan as Plan } }))) onChanged();
        }}
      />
      <MutationFailureAlert failure={setPlan.failure} />
    </Paper>
  );
}
