import { graphql } from '../gql/index.ts';

export const ExecutionRowFields = graphql(`
  fragment ConsoleExecutionRow on WorkflowExecution {
    id
    status
    createdAt
    workflowId
    triggeredByKeyPrefix
  }
`);

/** A payload may be 64 KiB: lists never carry it, a row asks for its own when opened. */
export const ExecutionPayloadQuery = graphql(`
  query ConsoleExecutionPayload($id: ID!) {
    node(id: $id) {
      ... on WorkflowExecution {
        id
        payload
      }
    }
  }
`);
