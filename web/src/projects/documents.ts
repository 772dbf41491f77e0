import { graphql } from '../gql/index.ts';

export const ProjectQuery = graphql(`
  query ConsoleProject($slug: String!, $project: String!) {
    organization(slug: $slug) {
      id
      name
      slug
      viewerCan {
        manageWorkflows
      }
      project(slug: $project) {
        id
        name
        slug
        workflows(first: 100) {
          totalCount
          edges {
            node {
              id
              name
              slug
              createdAt
            }
          }
        }
        executions(first: 20) {
          totalCount
          edges {
            node {
              ...ConsoleExecutionRow
            }
          }
        }
      }
    }
  }
`);

export const CreateWorkflow = graphql(`
  mutation ConsoleCreateWorkflow($input: CreateWorkflowInput!) {
    createWorkflow(input: $input) {
      __typename
      ... on WorkflowPayload {
        workflow {
          id
          name
          slug
        }
      }
      ...ConsoleMutationError
    }
  }
`);

export const UpdateWorkflow = graphql(`
  mutation ConsoleUpdateWorkflow($input: UpdateWorkflowInput!) {
    updateWorkflow(input: $input) {
      __typename
      ... on WorkflowPayload {
        workflow {
          id
          name
          slug
        }
      }
      ...ConsoleMutationError
    }
  }
`);

export const DeleteWorkflow = graphql(`
  mutation ConsoleDeleteWorkflow($input: DeleteWorkflowInput!) {
    deleteWorkflow(input: $input) {
      __typename
      ... on DeleteWorkflowPayload {
        deletedWorkflowId
      }
      ...ConsoleMutationError
    }
  }
`);
