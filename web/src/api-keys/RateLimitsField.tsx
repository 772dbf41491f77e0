import { Button, Fieldset, Grid, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { entryIssuesFor, type TypedError } from '../ui/errors.tsx';
import {
  hasRateLimitProblems,
  limitWords,
  MAX_RATE_LIMITS,
  MAX_LIMIT,
  newDraft,
  rateLimitProblems,
  toRateLimitInput,
  UNIT_OPTIONS,
  type RateLimitDraft,
} from './limits.ts';

type WithLimits = { rateLimits: RateLimitDraft[] };

const rowOf = (path: string) => Number(path.split('.').at(-2));

/** The form rules of the rows (`validate: { rateLimits: rateLimitRules }`): each field says what is wrong with it. */
export const rateLimitRules: Record<'name' | 'limit' | 'every', (value: unknown, values: WithLimits, path: string) => string | null> = {
  name: (_value, values, path) => rateLimitProblems(values.rateLimits).rows[rowOf(path)]?.name ?? null,
  limit: (_value, values, path) => rateLimitProblems(values.rateLimits).rows[rowOf(path)]?.limit ?? null,
  every: (_value, values, path) => rateLimitProblems(values.rateLimits).rows[rowOf(path)]?.every ?? null,
};

/** The row in words ("100 per second") once it is a limit the server could take. */
function preview(row: RateLimitDraft): string {
  return hasRateLimitProblems(rateLimitProblems([row])) ? '' : limitWords(toRateLimitInput([row])[0]);
}

/**
 * "Rate limits": up to five named limits, each "<calls> per <n> <seconds|minutes|hours|days>", added and removed as
 * rows. Problems found before sending come from the form's rules; the server's issues (`<inputField>.<row>.<field>`,
 * e.g. the plan's cap on `limit`) are shown on the same fields.
 */
export function RateLimitsField<V extends WithLimits>({
  form,
  failure,
  inputField,
  legend = 'Rate limits',
  description,
}: {
  form: UseFormReturnType<V>;
  failure: TypedError | null;
  /** The input field the server's issues name: `rateLimits` or `defaultKeyRateLimits`. */
  inputField: string;
  /** Null: no box of its own (a panel whose title says what the rows are). */
  legend?: string | null;
  description: string;
}) {
  const rows = form.getValues().rateLimits;
  const issues = entryIssuesFor(failure, inputField);
  const serverIssue = (index: number, ...fields: string[]) => issues.find((i) => i.index === index && i.field !== null && fields.includes(i.field))?.message;
  const listIssues = issues.filter((i) => i.index === null || i.field === null);
  const full = rows.length >= MAX_RATE_LIMITS;
  const fields = (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {description}
      </Text>
      {rows.length === 0 ? <Text size="sm">No rate limits: any number of calls.</Text> : null}
      {rows.map((row, i) => (
        <Fieldset key={row.key} legend={`Limit ${i + 1}`} p="xs">
          <Grid gap="xs" align="flex-start">
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput
                label="Limit name"
                description="Shown in 429 answers"
                spellCheck={false}
                autoCapitalize="off"
                autoComplete="off"
                {...form.getInputProps(`rateLimits.${i}.name`)}
                error={form.errors[`rateLimits.${i}.name`] ?? serverIssue(i, 'name')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, xs: 4, sm: 3 }}>
              <NumberInput
                label="Calls"
                description="Allowed at most"
                min={1}
                max={MAX_LIMIT}
                allowDecimal={false}
                allowNegative={false}
                thousandSeparator=","
                {...form.getInputProps(`rateLimits.${i}.limit`)}
                error={form.errors[`rateLimits.${i}.limit`] ?? serverIssue(i, 'limit')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 5, xs: 3, sm: 2 }}>
              <NumberInput
                label="Per"
                description="Period length"
                min={1}
                allowDecimal={false}
                allowNegative={false}
                {...form.getInputProps(`rateLimits.${i}.every`)}
                error={form.errors[`rateLimits.${i}.every`] ?? serverIssue(i, 'durationSeconds')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 7, xs: 5, sm: 3 }}>
              <Select
                label="Unit"
                description="Period unit"
                data={UNIT_OPTIONS}
                allowDeselect={false}
                {...form.getInputProps(`rateLimits.${i}.unit`)}
                onChange={(value) => value && form.setFieldValue(`rateLimits.${i}.unit`, value as never)}
              />
            </Grid.Col>
          </Grid>
          <Group justify="space-between" mt={6} wrap="nowrap">
            <Text size="xs" c="dimmed" data-testid="limit-preview">
              {preview(row)}
            </Text>
            <Button size="compact-xs" variant="subtle" color="red" onClick={() => form.removeListItem('rateLimits', i)} aria-label={`Remove limit ${i + 1}`}>
              Remove
            </Button>
          </Group>
        </Fieldset>
      ))}
      {listIssues.map((issue) => (
        <Text key={issue.message} size="sm" c="red" role="alert">
          {issue.message}
        </Text>
      ))}
      <Group gap="xs">
        <Button variant="default" size="xs" disabled={full} onClick={() => form.insertListItem('rateLimits', newDraft(rows) as never)}>
          Add a limit
        </Button>
        {full ? (
          <Text size="xs" c="dimmed">
            At most {MAX_RATE_LIMITS} limits.
          </Text>
        ) : null}
      </Group>
    </Stack>
  );
  return legend === null ? (
    <div data-testid="rate-limits">{fields}</div>
  ) : (
    <Fieldset legend={legend} data-testid="rate-limits">
      {fields}
    </Fieldset>
  );
}
