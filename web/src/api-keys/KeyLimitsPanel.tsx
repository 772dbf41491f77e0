import { Alert, Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { ConsoleKeyLimitsFragment } from '../gql/graphql.ts';
import { creditWords, limitWords, refillWords, untilWords, type RateLimit } from './limits.ts';

/** Limits in words, each with its name: "100 per second (burst)". */
export function RateLimitList({ label, limits }: { label: string; limits: RateLimit[] }) {
  return (
    <List size="sm" spacing={2} aria-label={label}>
      {limits.map((l) => (
        <List.Item key={l.name}>
          {limitWords(l)}{' '}
          <Text span size="xs" c="dimmed" ff="monospace">
            ({l.name})
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

/** "Limits and quota" on a key's page: the rate limits in force and the credits left, with when they come back. */
export function KeyLimitsPanel({ apiKey, now = Date.now() }: { apiKey: ConsoleKeyLimitsFragment; now?: number }) {
  const { rateLimits, quota } = apiKey;
  const exhausted = quota?.remaining === 0;
  const low = !!quota && !exhausted && quota.lowThreshold != null && quota.remaining <= quota.lowThreshold;
  const refillsIn = quota?.nextRefillAt ? untilWords(quota.nextRefillAt, now) : null;
  return (
    <Paper withBorder p="md" data-testid="key-limits">
      <Title order={2} size="h4" mb="sm">
        Limits and quota
      </Title>
      <Stack gap="sm">
        <div>
          <Text fw={600} size="sm">
            Rate limits
          </Text>
          {rateLimits.length ? (
            <RateLimitList label="Rate limits in force" limits={rateLimits} />
          ) : (
            <Text size="sm">None: any number of calls.</Text>
          )}
          {rateLimits.length ? (
            <Text size="xs" c="dimmed" mt={4}>
              A call over any of them gets HTTP 429 and starts nothing.
            </Text>
          ) : null}
        </div>
        <div>
          <Text fw={600} size="sm">
            Quota
          </Text>
          {quota ? (
            <Stack gap={4}>
              <Group gap="xs">
                <Text size="sm" data-testid="quota-remaining">
                  {creditWords(quota.remaining)} left
                </Text>
                {exhausted ? (
                  <Badge color="red" variant="filled" tt="none">
                    Used up
                  </Badge>
                ) : low ? (
                  <Badge color="yellow" variant="light" tt="none">
                    Running low
                  </Badge>
                ) : null}
              </Group>
              <Text size="sm" data-testid="quota-refill">
                {quota.refill && refillsIn ? `Refills ${refillsIn}. ${refillWords(quota.refill)}.` : 'Does not refill.'}
              </Text>
              {quota.lowThreshold != null ? (
                <Text size="xs" c="dimmed">
                  A “quota low” webhook event is sent at {creditWords(quota.lowThreshold)} or fewer.
                </Text>
              ) : null}
            </Stack>
          ) : (
            <Text size="sm">No quota: triggers spend no credits.</Text>
          )}
        </div>
        {exhausted ? (
          <Alert color="red" title="Quota used up" role="status">
            Triggers with this key are refused and start nothing {refillsIn ? `until the quota refills ${refillsIn}` : 'until someone gives it more credits (Edit)'}.
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}
