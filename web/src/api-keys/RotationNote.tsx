import { Text } from '@mantine/core';
import type { ConsoleKeyRowFragment } from '../gql/graphql.ts';
import { formatDate } from '../lib/format.ts';
import { Link } from '../lib/router.tsx';

type Rotation = Pick<ConsoleKeyRowFragment, 'graceEndsAt' | 'rotatedTo' | 'rotatedFrom'>;

/**
 * How a key stands in a rotation, linking the other key: the old one was "rotated to" the new one and keeps working
 * ("rotating until") to the end of its grace period; the new one "replaces" the old one meanwhile.
 */
export function RotationNote({ apiKey, slug }: { apiKey: Rotation; slug: string }) {
  const href = (id: string) => `/orgs/${slug}/api-keys/${encodeURIComponent(id)}`;
  const graceOpen = (until: string | null | undefined) => !!until && Date.parse(until) > Date.now();
  if (apiKey.rotatedTo) {
    return (
      <Text size="xs" data-testid="rotation-note">
        Rotated to <Link to={href(apiKey.rotatedTo.id)}>{apiKey.rotatedTo.prefix}</Link>
        {graceOpen(apiKey.graceEndsAt) ? `, rotating until ${formatDate(apiKey.graceEndsAt)}` : ''}
      </Text>
    );
  }
  if (apiKey.rotatedFrom && graceOpen(apiKey.rotatedFrom.graceEndsAt)) {
    return (
      <Text size="xs" data-testid="rotation-note">
        Replaces <Link to={href(apiKey.rotatedFrom.id)}>{apiKey.rotatedFrom.prefix}</Link>, rotating until {formatDate(apiKey.rotatedFrom.graceEndsAt)}
      </Text>
    );
  }
  return null;
}
