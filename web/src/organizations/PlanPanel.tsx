import { Paper, Title } from '@mantine/core';
import { PlanChange, type PlanTarget } from './PlanChange.tsx';

/** A platform operator's plan choice on the organization page. */
export function PlanPanel({ org, onChanged }: { org: PlanTarget; onChanged: () => void }) {
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        Operator
      </Title>
      <PlanChange key={org.plan} org={org} onChanged={onChanged} />
    </Paper>
  );
}
