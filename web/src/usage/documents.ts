import { graphql } from '../gql/index.ts';

/** Every outcome of a call, with the sums the console shows (see outcomes.ts). */
export const OutcomeCountsFields = graphql(`
  fragment ConsoleOutcomeCounts on UsageOutcomeCounts {
    success
    forbidden
    quotaExceeded
    rateLimited
    ipRefused
    invalid
    expired
    revoked
    inactive
    total
    refused
  }
`);

export const OrganizationUsageQuery = graphql(`
  query ConsoleOrganizationUsage($slug: String!, $from: DateTime!, $top: Int!) {
    organization(slug: $slug) {
      id
      name
      slug
      usageOverview(from: $from) {
        from
        to
        totals {
          ...ConsoleOutcomeCounts
        }
        topKeysByCalls(first: $top) {
          apiKey {
            id
            name
            prefix
          }
          outcomes {
            ...ConsoleOutcomeCounts
          }
        }
        topKeysByRefusals(first: $top) {
          apiKey {
            id
            name
            prefix
          }
          outcomes {
            ...ConsoleOutcomeCounts
          }
        }
      }
    }
  }
`);

/** One page of the export (the CSV download pages through it until the last). */
export const UsageExportPage = graphql(`
  query ConsoleUsageExport($slug: String!, $from: DateTime!, $to: DateTime, $granularity: UsageGranularity!, $after: String) {
    organization(slug: $slug) {
      id
      usageExport(from: $from, to: $to, granularity: $granularity, first: 100, after: $after) {
        edges {
          node {
            start
            apiKeyId
            apiKeyName
            outcome
            count
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);
