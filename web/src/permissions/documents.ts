import { graphql } from '../gql/index.ts';

/** The catalog and the roles' sets: the same source the server checks against, read once per session (cache-first). */
export const PermissionCatalogQuery = graphql(`
  query ConsolePermissionCatalog {
    availablePermissions {
      name
      resource
      action
      description
      risk
      implies
      levels
    }
    rolePermissions {
      role
      permissions
    }
  }
`);

/** Names of the projects and workflows that grants are narrowed to (grants carry ids only). */
export const GrantTargetsQuery = graphql(`
  query ConsoleGrantTargets($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      ... on Project {
        id
        name
      }
      ... on Workflow {
        id
        name
        project {
          id
          name
        }
      }
    }
  }
`);

/** The members' roles, to name the role of a key's owner when it limits the key. */
export const MemberRolesQuery = graphql(`
  query ConsoleMemberRoles($slug: String!) {
    organization(slug: $slug) {
      id
      members(first: 100) {
        pageInfo {
          hasNextPage
        }
        edges {
          node {
            id
            role
            user {
              id
            }
          }
        }
      }
    }
  }
`);

/** The workflows of one project, for narrowing a grant to workflows. */
export const ProjectWorkflowsQuery = graphql(`
  query ConsoleProjectWorkflows($slug: String!, $project: String!) {
    organization(slug: $slug) {
      id
      project(slug: $project) {
        id
        workflows(first: 50) {
          edges {
            node {
              id
              name
            }
          }
        }
      }
    }
  }
`);
