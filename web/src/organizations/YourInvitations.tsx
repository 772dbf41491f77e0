import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from 'urql';
import { formatDate } from '../lib/format.ts';
import { navigate } from '../lib/router.tsx';
import { RequestErrorAlert } from '../ui/errors.tsx';
import { MutationFailureAlert, useMutation } from '../ui/mutation.tsx';
import { AcceptInvitation, DeclineInvitation, INVITATION_CONTEXT, YourInvitationsQuery } from './documents.ts';
import { ROLE_WORDS } from '../ui/words.ts';


/** Invitations to the signed-in user's email, to accept or decline. Nothing when there are none. */
export function YourInvitations({ onChange }: { onChange: () => void }) {
  const [{ data, error }, refetch] = useQuery({ query: YourInvitationsQuery, context: INVITATION_CONTEXT });
  const accept = useMutation(AcceptInvitation, (d) => d.acceptInvitation);
  const decline = useMutation(DeclineInvitation, (d) => d.declineInvitation);
  const failure = accept.failure ?? decline.failure;
  const invitations = data?.viewer.invitations.edges.map((e) => e.node) ?? [];
  if (error) return <RequestErrorAlert error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (invitations.length === 0 && !failure) return null;

  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h4">
          Invitations
        </Title>
        <MutationFailureAlert failure={failure} />
        {invitations.map((i) => (
          <Group key={i.id} justify="space-between" aria-label={`Invitation to ${i.organizationName}`} role="group">
            <Text>
              <strong>{i.organizationName}</strong> invites you as {ROLE_WORDS[i.role].toLowerCase()} (until {formatDate(i.expiresAt)}).
            </Text>
            <Group gap="xs">
              <Button
                size="xs"
                aria-label={`Accept the invitation to ${i.organizationName}`}
                onClick={async () => {
                  decline.clear();
                  const payload = await accept.run({ input: { id: i.id } });
                  if (payload?.__typename === 'MemberPayload') navigate(`/orgs/${payload.member.organization.slug}`);
                }}
              >
                Accept
              </Button>
              <Button
                size="xs"
                variant="default"
                aria-label={`Decline the invitation to ${i.organizationName}`}
                onClick={async () => {
                  accept.clear();
                  if (await decline.run({ input: { id: i.id } })) {
                    refetch({ requestPolicy: 'network-only' });
                    onChange();
                  }
                }}
              >
                Decline
              </Button>
            </Group>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
