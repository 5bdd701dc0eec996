import { graphql } from '../gql';

/*
 * Page sizes keep every operation under the API's complexity limit (5,000 by default: a list costs
 * its page size times its items). Child counts come from a nested list of keys, capped: a table
 * shows "50+" at the cap (see countLabel).
 */

export const LoginMutation = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
      expiresAt
      user {
        id
        email
        displayName
        role
        organisations
        departments
      }
    }
  }
`);

export const MeQuery = graphql(`
  query Me {
    me {
      id
      email
      displayName
      role
      organisations
      departments
    }
  }
`);

export const OrganisationsQuery = graphql(`
  query Organisations($after: String) {
    organisations(first: 50, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      items {
        key
        name
        country
        sector
      }
    }
  }
`);

export const IndicatorsQuery = graphql(`
  query Indicators($organisation: String!) {
    open: findings(organisation: $organisation, status: OPEN, first: 1) {
      totalCount
    }
    confirmed: findings(organisation: $organisation, status: CONFIRMED, first: 1) {
      totalCount
    }
    departments(filter: { organisation: $organisation }, first: 1) {
      totalCount
    }
    dataSources(filter: { organisation: $organisation }, first: 1) {
      totalCount
    }
    datasets(filter: { organisation: $organisation }, first: 1) {
      totalCount
    }
    fields(filter: { organisation: $organisation }, first: 1) {
      totalCount
    }
    processingActivities(filter: { organisation: $organisation }, first: 1) {
      totalCount
    }
  }
`);

/** One page of findings; special categories are counted over every page (no server-side count). */
export const FindingFlagsQuery = graphql(`
  query FindingFlags($organisation: String!, $status: FindingStatus, $after: String) {
    findings(organisation: $organisation, status: $status, first: 100, after: $after) {
      totalCount
      endCursor
      hasNextPage
      nodes {
        key
        category
        status
        specialCategory
        department
        source
      }
    }
  }
`);

export const DepartmentsQuery = graphql(`
  query Departments($organisation: String!, $after: String) {
    departments(filter: { organisation: $organisation }, first: 25, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      items {
        key
        localKey
        name
        description
        sources(first: 50) {
          key
        }
      }
    }
  }
`);

export const DataSourcesQuery = graphql(`
  query DataSources($department: String!, $after: String, $withConnection: Boolean!) {
    dataSources(filter: { department: $department }, first: 15, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      items {
        key
        localKey
        name
        kind
        structure
        accessMethods
        connectionRef @include(if: $withConnection)
        volume {
          records
          bytes
        }
        velocity {
          recordsPerDay
        }
        servers(first: 10) {
          key
          name
          country
          jurisdiction
        }
        datasets(first: 50) {
          key
        }
      }
    }
  }
`);

export const DatasetsQuery = graphql(`
  query Datasets($source: String!, $after: String) {
    datasets(filter: { source: $source }, first: 20, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      items {
        key
        localKey
        name
        kind
        description
        volume {
          records
        }
        fields(first: 50) {
          key
        }
      }
    }
  }
`);

export const FieldsQuery = graphql(`
  query Fields($dataset: String!, $after: String) {
    fields(filter: { dataset: $dataset }, first: 100, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      items {
        key
        name
        dataType
        nullable
        description
      }
    }
  }
`);

export const EntityNamesQuery = graphql(`
  query EntityNames($department: ID!, $source: ID!, $dataset: ID!, $withSource: Boolean!, $withDataset: Boolean!) {
    department(key: $department) {
      key
      name
    }
    dataSource(key: $source) @include(if: $withSource) {
      key
      name
    }
    dataset(key: $dataset) @include(if: $withDataset) {
      key
      name
    }
  }
`);

export const FindingsQuery = graphql(`
  query Findings(
    $organisation: String!
    $status: FindingStatus
    $department: String
    $source: String
    $category: String
    $after: String
    $withEvidence: Boolean!
  ) {
    findings(
      organisation: $organisation
      status: $status
      department: $department
      source: $source
      category: $category
      first: 25
      after: $after
    ) {
      totalCount
      endCursor
      hasNextPage
      nodes {
        key
        field
        dataset
        source
        department
        category
        confidence
        origin
        personal
        quasiIdentifier
        specialCategory
        specialCategoryKind
        status
        treatment
        treatmentReason
        provenance
        evidence @include(if: $withEvidence)
        maskedExemplar @include(if: $withEvidence)
        reviewComment
        reviewedAt
        reviewedBy
      }
    }
  }
`);

export const ReviewFindingMutation = graphql(`
  mutation ReviewFinding($key: String!, $decision: ReviewDecision!, $comment: String!) {
    reviewFinding(key: $key, decision: $decision, comment: $comment) {
      key
      status
      reviewComment
      reviewedAt
      reviewedBy
    }
  }
`);

/** The placed map view and its table (libs/cartography on the server): the browser never lays it out. */
export const DataMapQuery = graphql(`
  query DataMap($organisation: String!, $query: String!) {
    map(organisation: $organisation, query: $query) {
      key
      query
      organisationName
      asOf
      truncated
      unknownIds
      width
      height
      state {
        view
        grouping
        depth
        expanded
        selection
        filters {
          departments
          jurisdictions
          categories
          specialCategories
          legalBases
          transferStatuses
          findingStatuses
        }
      }
      nodes {
        id
        kind
        groupKind
        parent
        level
        entityKey
        label {
          fr
          en
        }
        sensitivity
        expanded
        childCount
        hidden
        counts {
          departments
          sources
          datasets
          fields
          servers
          recipients
          activities
        }
        fields
        personalFields
        specialFields
        findings {
          PENDING
          CONFIRMED
          REJECTED
        }
        records
        recordsPerDay
        lastScan
        accessMethods
        country
        jurisdiction
        detail
        facets {
          departments
          jurisdictions
          categories
          specialCategories
          legalBases
          transferStatuses
        }
        selected
        x
        y
        width
        height
        compound
      }
      edges {
        id
        kind
        from
        to
        count
        mechanisms
        transfer {
          countries
          bases
          status
        }
      }
      table {
        rows {
          id
          level
          links {
            direction
            kind
            other
            otherLabel {
              fr
              en
            }
            count
            mechanisms
            transfer {
              countries
              bases
              status
            }
          }
        }
      }
    }
  }
`);

export const ReviewDatasetFindingsMutation = graphql(`
  mutation ReviewDatasetFindings($dataset: String!, $decision: ReviewDecision!, $comment: String!) {
    reviewDatasetFindings(dataset: $dataset, decision: $decision, comment: $comment) {
      reviewed
      findings {
        key
        status
      }
    }
  }
`);

export const ScanSourcesQuery = graphql(`
  query ScanSources($organisation: String!) {
    dataSources(filter: { organisation: $organisation }, first: 100) {
      items {
        key
        localKey
        name
      }
    }
  }
`);

export const ScanRunsQuery = graphql(`
  query ScanRuns {
    scanRuns(first: 20) {
      id
      organisation
      sourceKey
      status
      requestedBy
      createdAt
      finishedAt
      failure
      progress {
        done
        total
      }
      counts {
        datasets
        fields
        personalFields
        specialCategoryFields
        errors
      }
      errors {
        dataset
        code
        message
      }
    }
  }
`);

export const StartScanMutation = graphql(`
  mutation StartScan($organisation: String!, $source: String!) {
    startScan(organisation: $organisation, source: $source) {
      id
      status
      sourceKey
    }
  }
`);
