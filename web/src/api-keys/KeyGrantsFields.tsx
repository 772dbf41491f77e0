import { Checkbox } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { issueFor, type TypedError } from '../ui/errors.tsx';
import { PermissionEditor } from '../permissions/PermissionEditor.tsx';
import type { GrantDraft } from '../permissions/catalog.ts';
import type { KeyOrg, KeyProject } from './key-form.ts';

/**
 * What a key may do, as the create and edit dialogs ask it: the permission editor and, where the viewer may make one,
 * the service-key checkbox (a key owned by the organization is capped at the ADMIN set).
 */
export function KeyGrantsFields({
  org,
  projectKey,
  projects,
  grants,
  onGrants,
  failure,
  serviceKey,
}: {
  org: KeyOrg;
  projectKey: boolean;
  /** The projects the key reaches: what grants can be narrowed to. */
  projects: KeyProject[];
  grants: GrantDraft[];
  onGrants: (next: GrantDraft[]) => void;
  failure: TypedError | null;
  /** The checkbox's form binding and what it says, or null where it is not offered. */
  serviceKey: { inputProps: GetInputPropsReturnType; description: string } | null;
}) {
  return (
    <>
      <PermissionEditor
        slug={org.slug}
        role={org.viewerRole ?? null}
        projectKey={projectKey}
        value={grants}
        onChange={onGrants}
        error={issueFor(failure, 'permissions')}
        projects={projects}
      />
      {serviceKey ? (
        <Checkbox
          label="Owned by the organization (service key)"
          description={serviceKey.description}
          {...serviceKey.inputProps}
          error={issueFor(failure, 'ownedByOrganization')}
        />
      ) : null}
    </>
  );
}

/** Only OWNERs and ADMINs change what a key may do and make service keys (the server refuses anyone else). */
export function mayGrant(org: KeyOrg): boolean {
  return org.viewerRole === 'OWNER' || org.viewerRole === 'ADMIN';
}
