import { useState } from 'react';
import { Button, Group, Select, Stack, Text } from '@mantine/core';
import type { Plan } from '../gql/graphql.ts';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { MutationFailureAlert, useMutation } from '../ui/mutation.tsx';
import { PLAN_HAS_API_ACCESS, PLAN_WORDS } from '../ui/words.ts';
import { OperatorSetPlan } from './documents.ts';

export type PlanTarget = { id: string; name: string; plan: Plan; workingApiKeyCount?: number | null };

const PLAN_OPTIONS = (Object.keys(PLAN_WORDS) as Plan[]).map((value) => ({ value, label: PLAN_WORDS[value] }));

/**
 * An operator's plan change for one organization. A change that takes API access away says first what stops working
 * (its keys that work now) and asks for confirmation; any other change is made at once.
 */
export function PlanChange({ org, onChanged }: { org: PlanTarget; onChanged: (plan: Plan) => void }) {
  const setPlan = useMutation(OperatorSetPlan, (d) => d.setOrganizationPlan);
  const [plan, setChoice] = useState<Plan>(org.plan);
  const [confirming, setConfirming] = useState(false);
  const losesAccess = PLAN_HAS_API_ACCESS[org.plan] && !PLAN_HAS_API_ACCESS[plan];
  const keys = org.workingApiKeyCount ?? 0;

  async function apply() {
    const payload = await setPlan.run({ input: { organizationId: org.id, plan } });
    if (payload?.__typename === 'OrganizationPayload') {
      setConfirming(false);
      onChanged(payload.organization.plan);
    }
  }

  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="xs">
        <Select label={`Plan of ${org.name}`} data={PLAN_OPTIONS} value={plan} allowDeselect={false} onChange={(v) => v && (setPlan.clear(), setChoice(v as Plan))} w={200} />
        <Button
          disabled={plan === org.plan}
          loading={setPlan.busy && !confirming}
          onClick={() => (losesAccess ? (setPlan.clear(), setConfirming(true)) : void apply())}
        >
          Change plan
        </Button>
      </Group>
      {confirming ? null : <MutationFailureAlert failure={setPlan.failure} />}
      {confirming ? (
        <ConfirmDialog
          title={`Move ${org.name} to the ${PLAN_WORDS[plan]} plan?`}
          action={`Move to ${PLAN_WORDS[plan]}`}
          busy={setPlan.busy}
          failure={setPlan.failure}
          onClose={() => setConfirming(false)}
          onConfirm={() => void apply()}
        >
          <Text size="sm">The {PLAN_WORDS[plan]} plan has no API access. From the next request:</Text>
          <Text size="sm" component="ul" style={{ margin: 0 }}>
            <li>
              {keys === 0
                ? 'no API key of this organization works now, so no integration stops;'
                : keys === 1
                  ? '1 API key that works now stops working: every call made with it is refused (upgrade required);'
                  : `${keys} API keys that work now stop working: every call made with them is refused (upgrade required);`}
            </li>
            <li>nobody can create, rotate or change its keys or webhook endpoints until it is on a plan with API access again.</li>
          </Text>
          <Text size="sm">The keys are not revoked or deleted: they work again once the plan includes API access (unless they expire meanwhile).</Text>
        </ConfirmDialog>
      ) : null}
    </Stack>
  );
}
