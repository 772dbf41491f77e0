import { Group, MultiSelect, Radio } from '@mantine/core';
import type { ProjectAccessChoice } from './key-form.ts';

/** Which projects an organization key reaches: all (future ones too) or the ones selected. */
export function ProjectAccessField({
  access,
  onAccess,
  selected,
  onSelected,
  projects,
  error,
}: {
  access: ProjectAccessChoice;
  onAccess: (next: ProjectAccessChoice) => void;
  selected: string[];
  onSelected: (next: string[]) => void;
  projects: { id: string; name: string }[];
  error?: string;
}) {
  return (
    <>
      <Radio.Group label="Project access" value={access} onChange={(v) => onAccess(v as ProjectAccessChoice)}>
        <Group mt={4}>
          <Radio value="all" label="All projects (including future ones)" />
          <Radio value="selected" label="Selected projects" />
        </Group>
      </Radio.Group>
      {access === 'selected' ? (
        <MultiSelect label="Projects" data={projects.map((p) => ({ value: p.id, label: p.name }))} value={selected} onChange={onSelected} error={error} />
      ) : null}
    </>
  );
}
