import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const cypherDir = fileURLToPath(new URL('../../cypher/', import.meta.url));

/**
 * Every Cypher statement of the project, one per file under cypher/, loaded once and
 * called by name: "ingest/upsert-people" is cypher/ingest/upsert-people.cypher.
 */
export class CypherRegistry {
  private constructor(private readonly statements: ReadonlyMap<string, string>) {}

  static load(dir = cypherDir): CypherRegistry {
    const statements = new Map<string, string>();
    for (const file of listCypherFiles(dir)) {
      const name = relative(dir, file)
        .split(sep)
        .join('/')
        .replace(/\.cypher$/, '');
      statements.set(name, readFileSync(file, 'utf8').trim());
    }
    return new CypherRegistry(statements);
  }

  get(name: string): string {
    const statement = this.statements.get(name);
    if (statement === undefined) throw new Error(`no Cypher statement named ${name} (cypher/${name}.cypher)`);
    return statement;
  }

  names(prefix = ''): string[] {
    return [...this.statements.keys()].filter((name) => name.startsWith(prefix)).sort();
  }
}

function listCypherFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listCypherFiles(path);
    return name.endsWith('.cypher') ? [path] : [];
  });
}
