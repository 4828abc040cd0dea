import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CypherStatementName } from './generated/cypher-statements.ts';

export type { CypherStatementName } from './generated/cypher-statements.ts';

export const cypherDir = fileURLToPath(new URL('../../cypher/', import.meta.url));

/**
 * Every Cypher statement of the project, one per file under cypher/, loaded once and
 * called by name: "ingest/upsert-people" is cypher/ingest/upsert-people.cypher. The names
 * are a type generated from the same files (npm run codegen), so a misspelt name fails
 * the typecheck; get() still refuses a name with no file, for a registry loaded elsewhere.
 */
export class CypherRegistry {
  private constructor(private readonly statements: ReadonlyMap<string, string>) {}

  static load(dir = cypherDir): CypherRegistry {
    const statements = new Map<string, string>();
    for (const name of listStatementNames(dir)) {
      statements.set(name, readFileSync(join(dir, `${name}.cypher`), 'utf8').trim());
    }
    return new CypherRegistry(statements);
  }

  get(name: CypherStatementName): string {
    const statement = this.statements.get(name);
    if (statement === undefined) throw new Error(`no Cypher statement named ${name} (cypher/${name}.cypher)`);
    return statement;
  }

  names(prefix = ''): CypherStatementName[] {
    return [...this.statements.keys()].filter((name) => name.startsWith(prefix)).sort() as CypherStatementName[];
  }
}

/** The names of the statements under dir, sorted: the path of each .cypher file without the extension. */
export function listStatementNames(dir: string): string[] {
  return listCypherFiles(dir)
    .map((file) =>
      relative(dir, file)
        .split(sep)
        .join('/')
        .replace(/\.cypher$/, ''),
    )
    .sort();
}

function listCypherFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listCypherFiles(path);
    return name.endsWith('.cypher') ? [path] : [];
  });
}
