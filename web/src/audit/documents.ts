import { graphql } from '../gql/index.ts';

export const AuditQuery = graphql(`
  query ConsoleAuditEvents($slug: String!, $filter: AuditEventFilter, $after: String) {
    organization(slug: $slug) {
      id
      name
      slug
      viewerRole
      members(first: 25) {
        edges {
          node {
            id
            user {
              id
              email
            }
          }
        }
      }
      auditEvents(first: 25, after: $after, filter: $filter) {
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            action
            actorLabel
            targetType
            targetId
            targetName
            changes
            createdAt
          }
        }
      }
    }
  }
`);

export const AuditViewerQuery = graphql(`
  query ConsoleAuditViewer($slug: String!) {
    organization(slug: $slug) {
      id
      name
      slug
      viewerRole
      viewerCan {
        readAudit
      }
    }
  }
`);
