import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { OPERATION_POLICY, decideOperation } from '../../../src/auth/operation-policy.ts';

const schema = buildSchema(readFileSync(new URL('../../../schema.graphql', import.meta.url), 'utf8'));

describe('the operation policy', () => {
  it('has a line for every root field of schema.graphql (unlisted fields are closed to everyone)', () => {
    const rootFields = [schema.getQueryType(), schema.getMutationType()].flatMap((type) =>
      Object.keys(type?.getFields() ?? {}).map((field) => `${type!.name}.${field}`),
    );
    expect(rootFields.filter((field) => !OPERATION_POLICY[field])).toEqual([]);
  });

  it('denies an unlisted root field to every role, admin included', () => {
    expect(decideOperation(['admin'], 'query', ['somethingNew'], { production: false })).toMatchObject({
      allowed: false,
    });
  });

  it('needs every root field of an operation to be allowed', () => {
    expect(decideOperation(['analyst'], 'query', ['node', 'auditTrail'], { production: false }).allowed).toBe(false);
    expect(decideOperation(['analyst', 'supervisor'], 'query', ['node', 'auditTrail'], { production: false })).toEqual({
      allowed: true,
      personalData: true,
      write: false,
    });
  });

  it('lets authenticated callers introspect outside production only', () => {
    expect(decideOperation(['ingest'], 'query', ['__schema'], { production: false }).allowed).toBe(true);
    expect(decideOperation(['admin'], 'query', ['__schema'], { production: true }).allowed).toBe(false);
    expect(decideOperation(['admin'], 'query', ['__type'], { production: true }).allowed).toBe(false);
    expect(decideOperation(['ingest'], 'query', ['__typename'], { production: true }).allowed).toBe(true);
  });
});
