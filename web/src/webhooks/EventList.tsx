import { Badge, Group } from '@mantine/core';
import { WEBHOOK_EVENT_LABELS } from './events.ts';

export function EventList({ events }: { events: (keyof typeof WEBHOOK_EVENT_LABELS)[] }) {
  return (
    <Group gap={4}>
      {events.map((e) => (
        <Badge key={e} variant="outline" color="gray" tt="none" fw={500}>
          {WEBHOOK_EVENT_LABELS[e].label}
        </Badge>
      ))}
    </Group>
  );
}
