import type { ProtectedScenario } from './protected-scenario.ts';

const ENTITY_FIELDS = /* GraphQL */ `
  fragment Shown on Entity {
    id
    kind
    label
    ... on Person {
      fullName
      dateOfBirth
      documentNumbers
      phones {
        id
        label
        e164
      }
      cases {
        role
        case {
          label
        }
      }
      recruiters {
        id
        label
      }
      relatives {
        id
        label
        fullName
      }
      acquaintances {
        edges {
          node {
            id
            label
            fullName
            dateOfBirth
            documentNumbers
          }
        }
      }
    }
    ... on Phone {
      e164
      users {
        id
        label
        ... on Person {
          fullName
          documentNumbers
          dateOfBirth
        }
      }
      calls {
        edges {
          node {
            count
            other {
              id
              label
              e164
            }
          }
        }
      }
    }
    ... on Broker {
      name
      phones {
        e164
        label
      }
      operators {
        id
        label
        fullName
      }
      recruits {
        edges {
          node {
            id
            label
            fullName
            dateOfBirth
            documentNumbers
          }
        }
      }
    }
    ... on Case {
      participants {
        edges {
          node {
            role
            entity {
              id
              label
              ... on Person {
                fullName
                dateOfBirth
                documentNumbers
              }
            }
          }
        }
      }
    }
  }
`;

export interface Read {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

/** Every read through which a protected person's data could travel, over the scenario. */
export function readsOf(s: ProtectedScenario): Read[] {
  const reads: Read[] = [];
  for (const [key, id] of Object.entries(s.ids)) {
    reads.push({
      name: `node ${key}`,
      query: `query Node($id: ID!) { node(id: $id) { ...Shown } } ${ENTITY_FIELDS}`,
      variables: { id },
    });
  }
  for (const key of Object.keys(s.names)) {
    reads.push({
      name: `entity ${key}`,
      query: `query Ref($ref: EntityRefInput!) { entity(ref: $ref) { ...Shown } } ${ENTITY_FIELDS}`,
      variables: { ref: { kind: 'PERSON', externalId: key, source: s.source } },
    });
  }
  const chart = `nodes { id kind label } edges { source target type }`;
  reads.push({
    name: 'linkChart',
    query: `query Chart($seeds: [ID!]!) { linkChart(seeds: $seeds, depth: 3) { ${chart} truncated } }`,
    variables: { seeds: [s.ids['broker']] },
  });
  reads.push({
    name: 'paths',
    query: `query Paths($from: ID!, $to: ID!) { paths(from: $from, to: $to, first: 5) { length ${chart} } }`,
    variables: { from: s.ids['suspect'], to: s.ids['victim'] },
  });
  for (const format of ['GRAPHML', 'GEXF', 'I2_CSV', 'JSON']) {
    reads.push({
      name: `export ${format}`,
      query: `query Export($seeds: [ID!]!, $format: ExportFormat!) { exportLinkChart(seeds: $seeds, depth: 3, format: $format) { filename content } }`,
      variables: { seeds: [s.ids['broker']], format },
    });
  }
  const searchable = [
    ...Object.values(s.names),
    ...Object.values(s.phones),
    ...s.secrets.filter((x) => /^[A-Z]{2}[a-z]+\d\d$/.test(x)),
  ];
  for (const text of searchable) {
    reads.push({
      name: `search ${text}`,
      query: `query Search($text: String!) { search(text: $text, first: 20) { score matchedOn entity { id label ... on Person { fullName documentNumbers dateOfBirth } ... on Phone { e164 } } } }`,
      variables: { text },
    });
  }
  reads.push({
    name: 'ringCandidates',
    query: `{ ringCandidates(first: 50, includeDismissed: true) { edges { node { id summary factors { description } members { role entity { id label ... on Person { fullName documentNumbers dateOfBirth } ... on Phone { e164 } } } keyPhones { e164 label } } } } }`,
    variables: {},
  });
  return reads;
}
