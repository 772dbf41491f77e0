import type { Context } from '../../context.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { toGlobalId } from '../../graphql/ids.ts';
import { enqueueEvents, eventActor, type EventActor, type WebhookEventType } from '../webhooks/events.ts';

/** `organization.member_*` events: the membership, its user and role; the email is the one the invitation named. */
export type MemberEventPayload = {
  type: Extract<WebhookEventType, `organization.member_${string}`>;
  timestamp: string;
  data: { id: string; organizationId: string; userId: string; email: string; role: string; actor: EventActor };
};

/** Queues a membership event inside the caller's transaction (the outbox: see enqueueEvents). */
export async function recordMemberEvent(
  tx: Prisma.TransactionClient,
  ctx: Pick<Context, 'principal' | 'clock'>,
  type: MemberEventPayload['type'],
  member: { id: string; organizationId: string; userId: string; role: string },
  email: string,
): Promise<void> {
  const now = ctx.clock.now();
  const payload: MemberEventPayload = {
    type,
    timestamp: now.toISOString(),
    data: {
      id: toGlobalId('Member', member.id),
      organizationId: toGlobalId('Organization', member.organizationId),
      userId: toGlobalId('User', member.userId),
      email,
      role: member.role,
      actor: eventActor(ctx),
    },
  };
  await enqueueEvents(tx, now, type, [{ organizationId: member.organizationId, payload }]);
}
