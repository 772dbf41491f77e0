import { Fieldset, Grid, NumberInput, Select, Stack, Switch, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { issueFor, type TypedError } from '../ui/errors.tsx';
import { MAX_CREDITS, quotaProblems, REFILL_OPTIONS, type QuotaDraft, type QuotaProblems } from './limits.ts';

type WithQuota = { quota: QuotaDraft };

const rule =
  (field: keyof QuotaProblems) =>
  (_value: unknown, values: WithQuota): string | null =>
    quotaProblems(values.quota)[field] ?? null;

/** The form rules of the quota fields (`validate: { quota: quotaRules }`). */
export const quotaRules = { remaining: rule('remaining'), amount: rule('amount'), dayOfMonth: rule('dayOfMonth'), lowThreshold: rule('lowThreshold') };

const credits = { min: 0, max: MAX_CREDITS, allowDecimal: false, allowNegative: false, thousandSeparator: ',' } as const;

/**
 * "Quota": off, or credits that each started execution spends, with a refill every day or every month on a day.
 * `editing`: the key has credits now, and saving a changed quota sets them to what the field says.
 */
export function QuotaFields<V extends WithQuota>({ form, failure, editing }: { form: UseFormReturnType<V>; failure: TypedError | null; editing: boolean }) {
  const quota = form.getValues().quota;
  const error = (field: keyof QuotaProblems) => form.errors[`quota.${field}`] ?? issueFor(failure, field);
  return (
    <Fieldset legend="Quota" data-testid="quota">
      <Stack gap="xs">
        <Switch
          label="Limit this key with a quota of credits"
          description="Each execution a trigger starts spends credits (1 unless the trigger says otherwise). With too few left, the trigger is refused and starts nothing until the quota refills."
          {...form.getInputProps('quota.enabled', { type: 'checkbox' })}
        />
        {quota.enabled ? (
          <Grid gap="xs" align="flex-start">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NumberInput
                label={editing ? 'Credits left' : 'Credits to start with'}
                description={editing ? 'Saving a changed quota sets the credits to this' : undefined}
                {...credits}
                {...form.getInputProps('quota.remaining')}
                error={error('remaining')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select label="Refills" description="At 00:00 UTC" data={REFILL_OPTIONS} allowDeselect={false} {...form.getInputProps('quota.refill')} />
            </Grid.Col>
            {quota.refill !== 'NONE' ? (
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <NumberInput label="Refill to" description="Credits after each refill" {...credits} min={1} {...form.getInputProps('quota.amount')} error={error('amount')} />
              </Grid.Col>
            ) : null}
            {quota.refill === 'MONTHLY' ? (
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <NumberInput
                  label="Day of the month"
                  description="A shorter month refills on its last day"
                  min={1}
                  max={31}
                  allowDecimal={false}
                  allowNegative={false}
                  {...form.getInputProps('quota.dayOfMonth')}
                  error={error('dayOfMonth')}
                />
              </Grid.Col>
            ) : null}
            <Grid.Col span={12}>
              <NumberInput
                label="Warn when credits fall to (optional)"
                description="Sends the “quota low” webhook event once the credits reach this or fewer"
                placeholder="No warning"
                {...credits}
                min={1}
                {...form.getInputProps('quota.lowThreshold')}
                error={error('lowThreshold')}
              />
            </Grid.Col>
          </Grid>
        ) : (
          <Text size="sm">No quota: triggers spend no credits.</Text>
        )}
      </Stack>
    </Fieldset>
  );
}
