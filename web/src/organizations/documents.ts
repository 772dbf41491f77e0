import { graphql } from '../gql/index.ts';

// The organizations feature's operations: organizations, projects, members, invitations and the operator's plan change.

export const OrganizationsQuery = graphql(`
  query ConsoleOrganizations {
    viewer {
      isOperator
      user {
        id
        email
      }
      organizations(first: 50) {
        edges {
          node {
            id
            role
            organization {
              id
              name
              slug
              plan
            }
          }
        }
      }
    }
  }
`);

export const CreateOrganization = graphql(`
  mutation ConsoleCreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      __typename
      ... on OrganizationPayload {
        organization {
          id
          slug
        }
      }
      ...ConsoleMutationError
    }
  }
`);

export const OrganizationQuery = graphql(`
  query ConsoleOrganization($slug: String!) {
    viewer {
      isOperator
      user {
        id
      }
    }
    organization(slug: $slug) {
      id
      name
      slug
      plan
      apiAccess
      maxKeyLifetimeDays
      leakedKeyAction
      defaultKeyRateLimits {
        name
        limit
        durationSeconds
      }
      workingApiKeyCount
      viewerRole
      viewerCan {
        manageProjects
        manageMembers
        readWebhooks
        readAudit
        readUsage
        updateOrganization
      }
      projects(first: 30) {
        edges {
          node {
            id
            name
            slug
          }
        }
      }
      members(first: 30) {
        edges {
          node {
            id
            role
            workingKeysOwned
            user {
              id
              email
              name
            }
          }
        }
      }
    }
  }
`);

export const UpdateMember = graphql(`
  mutation ConsoleUpdateMember($input: UpdateMemberInput!) {
    updateMember(input: $input) {
      __typename
      ... on MemberPayload {
        member {
          id
          role
        }
      }
      ...ConsoleMutationError
    }
  }
`);

export const RemoveMember = graphql(`
  mutation ConsoleRemoveMember($input: RemoveMemberInput!) {
    removeMember(input: $input) {
      __typename
      ...ConsoleMutationError
    }
  }
`);

export const CreateProject = graphql(`
  mutation ConsoleCreateProject($input: CreateProjectInput!) {
    createProject(input: $input) {
      __typename
      ...ConsoleMutationError
    }
  }
`);

export const SetPlan = graphql(`
  mutation ConsoleSetPlan($input: SetOrganizationPlanInput!) {
    setOrganizationPlan(input: $input) {
      __typename
      ... on OrganizationPayload {
        organization {
          id
          plan
          apiAccess
        }
      }
      ...ConsoleMutationError
    }
  }
`);

export const UpdateOrganization = graphql(`
  mutation ConsoleUpdateOrganization($input: UpdateOrganizationInput!) {
    updateOrganization(input: $input) {
      __typename
      ... on OrganizationPayload {
        organization {
          id
          leakedKeyAction
          defaultKeyRateLimits {
            name
            limit
            durationSeconds
          }
        }
      }
      ...ConsoleMutationError
    }
  }
`);

export const PendingInvitations = graphql(`
  query ConsoleOrganizationInvitations($slug: String!) {
    organization(slug: $slug) {
      id
      invitations(first: 50) {
        totalCount
        edges {
          node {
            id
            email
            role
            expiresAt
            expired
          }
        }
      }
    }
  }
`);

export const InviteMember = graphql(`
  mutation ConsoleInviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      __typename
      ... on InvitationPayload {
        invitation {
          id
          email
          expiresAt
        }
      }
      ...ConsoleMutationError
    }
  }
`);

export const RevokeInvitation = graphql(`
  mutation ConsoleRevokeInvitation($input: RevokeInvitationInput!) {
    revokeInvitation(input: $input) {
      __typename
      ...ConsoleMutationError
    }
  }
`);

export const YourInvitationsQuery = graphql(`
  query ConsoleYourInvitations {
    viewer {
      invitations(first: 50) {
        edges {
          node {
            id
            organizationName
            role
            expiresAt
          }
        }
      }
    }
  }
`);

export const AcceptInvitation = graphql(`
  mutation ConsoleAcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      __typename
      ... on MemberPayload {
        member {
          id
          organization {
            id
            slug
          }
        }
      }
      ...ConsoleMutationError
    }
  }
`);

export const DeclineInvitation = graphql(`
  mutation ConsoleDeclineInvitation($input: DeclineInvitationInput!) {
    declineInvitation(input: $input) {
      __typename
      ...ConsoleMutationError
    }
  }
`);

export const OperatorSetPlan = graphql(`
  mutation ConsoleOperatorSetPlan($input: SetOrganizationPlanInput!) {
    setOrganizationPlan(input: $input) {
      __typename
      ... on OrganizationPayload {
        organization {
          id
          name
          plan
          workingApiKeyCount
        }
      }
      ...ConsoleMutationError
    }
  }
`);

/** Invitation changes refetch the lists that show invitations, members and organizations (empty lists included). */
export const INVITATION_CONTEXT = { additionalTypenames: ['Invitation', 'Member', 'Organization'] };

/** The roles a member can have, in the order the selects offer them. */
export const MEMBER_ROLES = ['OWNER', 'ADMIN', 'MEMBER'] as const;

export const LeaveOrganization = graphql(`
  mutation ConsoleLeaveOrganization($input: LeaveOrganizationInput!) {
    leaveOrganization(input: $input) {
      __typename
      ...ConsoleMutationError
    }
  }
`);

export const OperatorOrganizations = graphql(`
  query ConsoleOperatorOrganizations($search: String) {
    organizations(search: $search, first: 20) {
      totalCount
      edges {
        node {
          id
          name
          slug
          plan
          workingApiKeyCount
        }
      }
    }
  }
`);
