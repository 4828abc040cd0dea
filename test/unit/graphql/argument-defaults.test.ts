import { readFileSync } from 'node:fs';
import {
  Kind,
  type GraphQLEnumType,
  type GraphQLInputObjectType,
  type GraphQLObjectType,
  parse,
  print,
  visit,
  type ConstValueNode,
  type GraphQLSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { createGraphQLSchema, schemaPath } from '../../../src/graphql/create-yoga.ts';
import { inProcessYoga, type StubServices } from './in-process-yoga.ts';

/**
 * The schema is the one source of every argument's default: a resolver receives the schema's
 * default when the argument is left out and when it is sent as null, whatever that default
 * is. Each case runs on the real schema and on a copy with every argument default changed, so
 * a resolver that repeats a default of its own (`depth ?? 2`) or hard-codes one fails here.
 */
const realTypeDefs = readFileSync(schemaPath, 'utf8');

/** Every argument default of schema.graphql moved to another valid value of its type. */
function shiftedTypeDefs(schema: GraphQLSchema): string {
  const shift = (value: ConstValueNode, typeName: string): ConstValueNode => {
    switch (value.kind) {
      case Kind.INT: {
        const n = Number(value.value);
        return { ...value, value: String(n > 1 ? n - 1 : n + 1) };
      }
      case Kind.FLOAT:
        return { ...value, value: String(Math.round((Number(value.value) - 0.05) * 100) / 100) };
      case Kind.BOOLEAN:
        return { ...value, value: !value.value };
      case Kind.ENUM: {
        const values = (schema.getType(typeName) as GraphQLEnumType).getValues().map((v) => v.name);
        return { ...value, value: values.find((v) => v !== value.value) ?? value.value };
      }
      default:
        throw new Error(`no shift for a default of kind ${value.kind}`);
    }
  };
  return print(
    visit(parse(realTypeDefs), {
      InputValueDefinition(node) {
        if (!node.defaultValue) return undefined;
        let type = node.type;
        while (type.kind !== Kind.NAMED_TYPE) type = type.type;
        return { ...node, defaultValue: shift(node.defaultValue, type.name.value) };
      },
    }),
  );
}

const realSchema = createGraphQLSchema();
const shiftedSchema = createGraphQLSchema(shiftedTypeDefs(realSchema));

function defaultOf(schema: GraphQLSchema, typeName: string, fieldName: string, argName: string): unknown {
  const type = schema.getType(typeName) as GraphQLObjectType;
  const arg = type.getFields()[fieldName]?.args.find((a) => a.name === argName);
  if (arg?.defaultValue === undefined) throw new Error(`${typeName}.${fieldName}(${argName}) has no default`);
  return arg.defaultValue;
}

/** An argument list of the fixed arguments and the one under test, if sent. */
const args = (fixed: string, sent: string) => {
  const all = [fixed, sent].filter(Boolean);
  return all.length ? `(${all.join(', ')})` : '';
};

interface Case {
  /** Type.field(argument): the argument whose default is checked. */
  field: [type: string, field: string, arg: string];
  /** The selection set of the operation, given the argument under test (`depth: $value`) or ''. */
  query: (arg: string) => string;
  variableType: string;
  /** Stubs that hand what the capability received for the argument to `seen`. */
  services: (seen: (value: unknown) => void) => StubServices;
}

const chart = { nodes: [], edges: [], truncated: false };
const person = { id: 'per_1', kind: 'PERSON', sources: [], documentNumbers: [] };
const neighbours = (kind: string) => (seen: (value: unknown) => void) => ({
  entities: {
    byId: async () => ({ ...person, kind }),
    byIds: async () => new Map(),
    neighbours: async (_id: string, _types: string[], _direction: string, page: { limit: number }) => {
      seen(page.limit);
      return { items: [], total: 0 };
    },
  },
});
const ringWith = (seen: (value: unknown) => void, read: (request: Record<string, unknown>) => unknown) => ({
  rings: {
    ring: async () => ({ ring: { id: 'ring_1' }, members: [] }),
    rings: async (ids: readonly string[]) => new Map(ids.map((id) => [id, { ring: { id }, members: [] }])),
  },
  linkCharts: {
    chart: async (request: Record<string, unknown>) => {
      seen(read(request));
      return chart;
    },
  },
});

const cases: Case[] = [
  ...(['depth', 'maxNodes', 'layout'] as const).map((arg): Case => ({
    field: ['Query', 'linkChart', arg],
    variableType: arg === 'layout' ? 'ChartLayout' : 'Int',
    query: (a) => `{ linkChart${args('seeds: ["per_1"]', a)} { __typename } }`,
    services: (seen) => ({
      linkCharts: {
        chart: async (request: Record<string, unknown>) => {
          seen(request[arg]);
          return chart;
        },
      },
    }),
  })),
  ...(['depth', 'maxNodes'] as const).map((arg): Case => ({
    field: ['Query', 'exportLinkChart', arg],
    variableType: 'Int',
    query: (a) => `{ exportLinkChart${args('seeds: ["per_1"], format: JSON', a)} { filename } }`,
    services: (seen) => ({
      linkCharts: {
        export: async (request: Record<string, unknown>) => {
          seen(request[arg]);
          return [];
        },
      },
    }),
  })),
  ...(['maxLength', 'first'] as const).map((arg): Case => ({
    field: ['Query', 'paths', arg],
    variableType: 'Int',
    query: (a) => `{ paths${args('from: "per_1", to: "per_2"', a)} { __typename } }`,
    services: (seen) => ({
      linkCharts: {
        paths: async (request: Record<string, unknown>) => {
          seen(request[arg]);
          return [];
        },
      },
    }),
  })),
  {
    field: ['Query', 'search', 'first'],
    variableType: 'Int',
    query: (a) => `{ search${args('text: "lan"', a)} { score } }`,
    services: (seen) => ({
      linkCharts: {
        search: async (request: { first: number }) => {
          seen(request.first);
          return [];
        },
      },
    }),
  },
  {
    field: ['Query', 'ringCandidates', 'first'],
    variableType: 'Int',
    query: (a) => `{ ringCandidates${args('', a)} { totalCount } }`,
    services: (seen) => ({
      rings: {
        candidates: async (_filter: unknown, page: { limit: number }) => {
          seen(page.limit);
          return { rings: [], total: 0 };
        },
      },
    }),
  },
  {
    field: ['Query', 'ringCandidates', 'includeDismissed'],
    variableType: 'Boolean',
    query: (a) => `{ ringCandidates${args('', a)} { totalCount } }`,
    services: (seen) => ({
      rings: {
        candidates: async (filter: { includeDismissed: boolean }) => {
          seen(filter.includeDismissed);
          return { rings: [], total: 0 };
        },
      },
    }),
  },
  {
    field: ['Query', 'ringCandidates', 'unassigned'],
    variableType: 'Boolean',
    query: (a) => `{ ringCandidates${args('', a)} { totalCount } }`,
    services: (seen) => ({
      rings: {
        candidates: async (filter: { unassigned: boolean }) => {
          seen(filter.unassigned);
          return { rings: [], total: 0 };
        },
      },
    }),
  },
  {
    field: ['Query', 'auditTrail', 'first'],
    variableType: 'Int',
    // The trail reads one event more than it shows, to know whether there is a next page.
    query: (a) => `{ auditTrail${args('', a)} { pageInfo { hasNextPage } } }`,
    services: (seen) => ({
      audit: {
        page: async (request: { limit: number }) => {
          seen(request.limit - 1);
          return [];
        },
      },
    }),
  },
  ...(['minScore', 'first'] as const).map((arg): Case => ({
    field: ['Query', 'duplicateCandidates', arg],
    variableType: arg === 'minScore' ? 'Float' : 'Int',
    query: (a) => `{ duplicateCandidates${args('', a)} { totalCount } }`,
    services: (seen) => ({
      resolution: {
        candidates: async (minScore: number, page: { limit: number }) => {
          seen(arg === 'minScore' ? minScore : page.limit);
          return { pairs: [], total: 0 };
        },
      },
      entities: { byIds: async () => new Map() },
    }),
  })),
  {
    field: ['Query', 'alerts', 'first'],
    variableType: 'Int',
    query: (a) => `{ alerts${args('', a)} { totalCount } }`,
    services: (seen) => ({
      alerts: {
        list: async (request: { limit: number }) => {
          seen(request.limit);
          return { alerts: [], total: 0 };
        },
      },
    }),
  },
  {
    field: ['Query', 'savedCharts', 'first'],
    variableType: 'Int',
    query: (a) => `{ savedCharts${args('', a)} { id } }`,
    services: (seen) => ({
      savedCharts: {
        list: async (_viewer: unknown, first: number) => {
          seen(first);
          return [];
        },
      },
    }),
  },
  {
    field: ['Query', 'webhookDeadLetters', 'first'],
    variableType: 'Int',
    query: (a) => `{ webhookDeadLetters${args('', a)} { __typename } }`,
    services: (seen) => ({
      webhooks: {
        deadLetters: async (first: number) => {
          seen(first);
          return [];
        },
      },
    }),
  },
  ...(['depth', 'maxNodes'] as const).map((arg): Case => ({
    field: ['Ring', 'linkChart', arg],
    variableType: 'Int',
    query: (a) => `{ ring(id: "ring_1") { linkChart${args('', a)} { __typename } } }`,
    services: (seen) => ringWith(seen, (request) => request[arg]),
  })),
  ...(
    [
      ['Person', 'crossings', 'PERSON'],
      ['Person', 'acquaintances', 'PERSON'],
      ['Phone', 'calls', 'PHONE'],
      ['Broker', 'recruits', 'BROKER'],
      ['Case', 'participants', 'CASE'],
    ] as const
  ).map(([type, field, kind]): Case => ({
    field: [type, field, 'first'],
    variableType: 'Int',
    query: (a) => `{ node(id: "x_1") { ... on ${type} { ${field}${args('', a)} { pageInfo { hasNextPage } } } } }`,
    services: neighbours(kind),
  })),
];

/** Every field argument of the schema that has a default. */
function defaultedArguments(schema: GraphQLSchema): string[] {
  return Object.values(schema.getTypeMap()).flatMap((type) =>
    type.astNode?.kind === Kind.OBJECT_TYPE_DEFINITION
      ? Object.values((type as GraphQLObjectType).getFields()).flatMap((field) =>
          field.args.filter((a) => a.defaultValue !== undefined).map((a) => `${type.name}.${field.name}(${a.name})`),
        )
      : [],
  );
}

describe('argument defaults come from the schema alone', () => {
  it('covers every argument of the schema that has a default', () => {
    expect(cases.map(({ field: [t, f, a] }) => `${t}.${f}(${a})`).sort()).toEqual(
      defaultedArguments(realSchema).sort(),
    );
  });

  it('no input type has a field default (only field arguments get theirs for an explicit null)', () => {
    const withDefaults = Object.values(realSchema.getTypeMap()).flatMap((type) =>
      type.astNode?.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION
        ? Object.values((type as GraphQLInputObjectType).getFields()).filter((f) => f.defaultValue !== undefined)
        : [],
    );
    expect(withDefaults).toEqual([]);
  });

  for (const [name, schema] of [
    ['schema.graphql', realSchema],
    ['a schema with every default changed', shiftedSchema],
  ] as const) {
    describe(name, () => {
      for (const { field, query, variableType, services } of cases) {
        const expected = defaultOf(schema, ...field);
        for (const sent of ['left out', 'sent as null'] as const) {
          it(`${field[0]}.${field[1]}(${field[2]}) ${sent}: the capability gets ${JSON.stringify(expected)}`, async () => {
            const received: unknown[] = [];
            const { request } = inProcessYoga({ schema, services: services((value) => received.push(value)) });
            const { body } = await request({
              query:
                sent === 'left out'
                  ? `query Q ${query('')}`
                  : `query Q($value: ${variableType}) ${query(`${field[2]}: $value`)}`,
              variables: sent === 'left out' ? {} : { value: null },
            });
            expect(body.errors).toBeUndefined();
            expect(received).toEqual([expected]);
          });
        }
      }
    });
  }

  it('an argument sent keeps its value', async () => {
    const received: unknown[] = [];
    const { request } = inProcessYoga({
      services: {
        linkCharts: {
          chart: async (r: { depth: number }) => {
            received.push(r.depth);
            return chart;
          },
        },
      },
    });
    const { body } = await request({ query: '{ linkChart(seeds: ["per_1"], depth: 1) { __typename } }' });
    expect(body.errors).toBeUndefined();
    expect(received).toEqual([1]);
  });
});
