import { GraphQLScalarType, Kind } from 'graphql';

/**
 * Date, DateTime and CountryCode travel as strings. They are checked by the capability
 * that receives them, not here: a bad date in one ingest record must be reported for that
 * record (INVALID_DATE) rather than fail the whole request.
 */
function stringScalar(name: string, description: string): GraphQLScalarType {
  return new GraphQLScalarType({
    name,
    description,
    serialize: (value) => String(value),
    parseValue: (value) => {
      if (typeof value !== 'string') throw new TypeError(`${name} must be a string`);
      return value;
    },
    parseLiteral: (ast) => {
      if (ast.kind !== Kind.STRING) throw new TypeError(`${name} must be a string`);
      return ast.value;
    },
  });
}

export const scalarResolvers = {
  Date: stringScalar('Date', 'ISO 8601 calendar date: 2024-07-30'),
  DateTime: stringScalar('DateTime', 'ISO 8601 instant with offset: 2024-07-30T08:15:00+07:00'),
  CountryCode: stringScalar('CountryCode', 'ISO 3166-1 alpha-2: VN, CN, LA, KH'),
};
