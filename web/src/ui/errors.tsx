import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { CombinedError } from 'urql';
import { graphql } from '../gql/index.ts';
import { session } from '../session/session.ts';

export type FieldIssue = { path: string[]; message: string };

/** What every console mutation selects of its typed errors (`...ConsoleMutationError`): what TypedError and TypedErrorAlert show. */
export const MutationErrorFields = graphql(`
  fragment ConsoleMutationError on Error {
    message
    ... on ValidationError {
      issues {
        path
        message
      }
    }
    ... on UpgradeRequiredError {
      requiredPlans
    }
  }
`);

/** Any typed mutation error (members of the `Error` interface), as selected by the documents in this app. */
export type TypedError = {
  __typename: string;
  message: string;
  issues?: FieldIssue[];
  requiredPlans?: string[];
  failures?: { id: string; message: string; reason: string }[];
};

const TITLES: Record<string, string> = {
  ValidationError: 'Please correct the highlighted fields',
  ConflictError: 'Not possible',
  ForbiddenError: 'Not allowed',
  NotFoundError: 'Not found',
  UpgradeRequiredError: 'Upgrade required',
  BulkOperationError: 'Nothing was deleted',
};

export function isTypedError(value: { __typename?: string } | null | undefined): value is TypedError {
  return !!value && !!value.__typename && value.__typename in TITLES;
}

/**
 * The message for one input field: `"name"` → an issue whose path names it anywhere (`["input","name"]`); a dotted
 * path → an issue at exactly that path (`"input.name"` is the key's name, not the name of one of its rate limits).
 */
export function issueFor(error: TypedError | null, field: string): string | undefined {
  const exact = field.includes('.');
  return error?.issues?.find((i) => (exact ? segments(i).join('.') === field : segments(i).includes(field)))?.message;
}

/**
 * The issues of a list field by entry: `input.ipAllowlist.2` → `{ index: 2, message }`; an issue about the whole list
 * (no index) has `index: null`. `field` names the part of an entry an issue is about (`input.rateLimits.1.limit` →
 * `limit`), when it says.
 */
export function entryIssuesFor(error: TypedError | null, field: string): { index: number | null; field: string | null; message: string }[] {
  return (error?.issues ?? []).flatMap((i) => {
    const parts = segments(i);
    const at = parts.indexOf(field);
    if (at < 0) return [];
    const index = parts[at + 1] !== undefined && /^\d+$/.test(parts[at + 1]) ? Number(parts[at + 1]) : null;
    return [{ index, field: index === null ? null : (parts[at + 2] ?? null), message: i.message }];
  });
}

/** ["input","email"] or ["input.email"] → ["input","email"]. */
function segments(issue: FieldIssue): string[] {
  return issue.path.flatMap((p) => p.split('.'));
}

export function TypedErrorAlert({ error, fields = [] }: { error: TypedError | null; fields?: string[] }) {
  if (!error) return null;
  const unplaced = (error.issues ?? []).filter((i) => !fields.some((f) => segments(i).includes(f)));
  // A ValidationError's message only repeats its issues (with their technical paths): the fields show them, so the
  // alert then has just its title.
  const showMessage = !error.issues?.length;
  const body = showMessage || error.requiredPlans?.length || unplaced.length;
  // A refusal that no field on screen shows (a role picked in a list, a rule about the whole change) is not a form to
  // correct: say that nothing changed, and why, instead of pointing at highlighted fields that do not exist.
  const nothingHighlighted = error.__typename === 'ValidationError' && unplaced.length === (error.issues?.length ?? 0);
  return (
    <Alert color="red" title={nothingHighlighted ? 'Not changed' : (TITLES[error.__typename] ?? 'Error')} role="alert">
      {body ? (
        <Stack gap={4}>
          {showMessage ? <Text size="sm">{error.message}</Text> : null}
          {error.requiredPlans?.length ? <Text size="sm">Plans with API access: {error.requiredPlans.join(', ')}.</Text> : null}
          {unplaced.map((i) => (
            <Text size="sm" key={i.path.join('.') + i.message}>
              {segments(i).filter((p) => p !== 'input').join('.') || 'input'}: {i.message}
            </Text>
          ))}
        </Stack>
      ) : null}
    </Alert>
  );
}

/** Network or GraphQL errors of a query: words, a retry, and a way back to sign-in; never a blank page. */
export function RequestErrorAlert({ error, onRetry }: { error: CombinedError | undefined; onRetry: () => void }) {
  if (!error) return null;
  const offline = !!error.networkError;
  return (
    <Alert color="red" title={offline ? 'The server could not be reached' : 'The request failed'} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{offline ? 'Check your connection and try again.' : error.graphQLErrors.map((e) => e.message).join(' ') || error.message}</Text>
        <Group gap="xs">
          <Button size="xs" onClick={onRetry}>
            Retry
          </Button>
          <Button size="xs" variant="default" onClick={() => void session.signOut(false)}>
            Sign in again
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
