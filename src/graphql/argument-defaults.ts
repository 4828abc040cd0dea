import { defaultFieldResolver, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from 'graphql';

type Args = Record<string, unknown>;

/**
 * Makes schema.graphql the one place an argument's default is written. GraphQL gives a
 * default only to an argument left out; a client that sends `first: null` (often a variable
 * it left unset) would reach the resolver with null. Here an explicit null of an argument
 * that has a default gets that default too, so every resolver receives `first`, `depth`,
 * `maxNodes`, ... set, as the generated resolver types already say (RequireFields), and
 * repeats no default of its own (`depth ?? 2` beside `depth: Int = 2` drifts apart the day
 * one of them changes).
 */
export function applyArgumentDefaults(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    // Object types (and interfaces, whose fields never resolve) by their shape, not instanceof:
    // the schema may come from another copy of graphql than this module's (the ESM and
    // CommonJS builds side by side, as under the test runner).
    if (!('getInterfaces' in type) || type.name.startsWith('__')) continue;
    for (const field of Object.values((type as GraphQLObjectType).getFields())) withArgumentDefaults(field);
  }
  return schema;
}

function withArgumentDefaults(field: GraphQLField<unknown, unknown>): void {
  const defaulted = field.args.filter((arg) => arg.defaultValue !== undefined);
  if (!defaulted.length) return;
  const fill = (args: Args): Args => {
    const filled = { ...args };
    for (const arg of defaulted) filled[arg.name] ??= arg.defaultValue;
    return filled;
  };
  const resolve = field.resolve ?? defaultFieldResolver;
  field.resolve = (source, args: Args, context, info) => resolve(source, fill(args), context, info);
  const subscribe = field.subscribe;
  if (subscribe) field.subscribe = (source, args: Args, context, info) => subscribe(source, fill(args), context, info);
}
