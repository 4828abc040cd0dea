import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getNamedType,
  isAbstractType,
  isObjectType,
  isScalarType,
  isEnumType,
  type GraphQLAbstractType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

export const schema: GraphQLSchema = buildSchema(
  readFileSync(new URL('../../../schema.graphql', import.meta.url), 'utf8'),
);

/** The root fields of the schema: a new one needs a line in the test that reads it. */
export function rootFields(kind: 'Query' | 'Mutation'): string[] {
  const type = kind === 'Query' ? schema.getQueryType() : schema.getMutationType();
  return Object.keys(type?.getFields() ?? {}).sort();
}

/** Fields whose required arguments a nested selection cannot supply are left out (none today). */
function selectable(field: GraphQLField<unknown, unknown>): boolean {
  return field.args.every((arg) => arg.defaultValue !== undefined || !String(arg.type).endsWith('!'));
}

/**
 * A selection of every field of a type, nested `depth` object levels deep, with every
 * implementation of an interface spelled out: generated from schema.graphql, so a field added
 * there is read by the tests without a change here.
 */
export function selectAll(type: GraphQLNamedType, depth: number): string {
  if (isScalarType(type) || isEnumType(type)) return '';
  if (isAbstractType(type)) {
    const fragments = schema
      .getPossibleTypes(type)
      .map((impl) => `... on ${impl.name} { ${objectFields(impl, depth, conflicts(type, impl))} }`)
      .join(' ');
    return `{ __typename ${fragments} }`;
  }
  if (isObjectType(type)) return `{ ${objectFields(type, depth)} }`;
  return '';
}

/**
 * Fields of an implementation that an earlier implementation has under the same name with
 * another type (Checkpoint.country is nullable, BorderCrossing.country is not): GraphQL needs
 * them aliased in one selection. Only those: the query limits allow 30 aliases.
 */
function conflicts(abstract: GraphQLAbstractType, impl: GraphQLObjectType): Set<string> {
  const earlier = schema.getPossibleTypes(abstract).slice(0, schema.getPossibleTypes(abstract).indexOf(impl));
  const names = new Set<string>();
  for (const [name, field] of Object.entries(impl.getFields())) {
    if (
      earlier.some((other) => other.getFields()[name] && String(other.getFields()[name]!.type) !== String(field.type))
    )
      names.add(name);
  }
  return names;
}

function objectFields(type: GraphQLObjectType, depth: number, aliased: ReadonlySet<string> = new Set()): string {
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (!selectable(field)) continue;
    const named = getNamedType(field.type);
    const name = aliased.has(field.name) ? `${type.name}_${field.name}: ${field.name}` : field.name;
    if (isScalarType(named) || isEnumType(named)) {
      parts.push(name);
    } else if (depth > 0) {
      parts.push(`${name} ${selectAll(named, depth - 1)}`);
    }
  }
  // At the last level an object keeps at least its id, so nothing selects an empty set.
  return parts.length ? parts.join(' ') : '__typename';
}

/** An operation reading every field of a root field's result. */
export function operationFor(
  kind: 'Query' | 'Mutation',
  field: string,
  args: Record<string, string>,
  depth: number,
): string {
  const root = (kind === 'Query' ? schema.getQueryType() : schema.getMutationType())!.getFields()[field]!;
  const variables = Object.entries(args);
  const declared = variables.length ? `(${variables.map(([name, type]) => `$${name}: ${type}`).join(', ')})` : '';
  const passed = variables.length ? `(${variables.map(([name]) => `${name}: $${name}`).join(', ')})` : '';
  const selection = selectAll(getNamedType(root.type), depth);
  return `${kind === 'Query' ? 'query' : 'mutation'} Read${declared} { ${field}${passed} ${selection} }`;
}
