import type { BulkFiles } from './bulk-load-writer.ts';

/**
 * The arguments of `neo4j-admin database import full` for the files of a load: string ids in
 * groups (Entity, SourceRecord, ...), lists split on U+001F (src/import/bulk/csv-field.ts), and
 * strict checks, so a file the importer cannot read fails the load instead of losing rows.
 */
export function importerArguments(files: BulkFiles, database: string, options: { overwrite?: boolean } = {}): string[] {
  const args = [
    database,
    '--id-type=string',
    '--array-delimiter=U+001F',
    '--delimiter=,',
    '--quote="',
    '--bad-tolerance=0',
    '--skip-bad-relationships=false',
    '--skip-duplicate-nodes=false',
    '--normalize-types=false',
  ];
  if (options.overwrite) args.push('--overwrite-destination=true');
  for (const file of files.files) {
    if (file.rows === 0 && file.kind === 'relationships') continue;
    const option = file.kind === 'nodes' ? '--nodes' : '--relationships';
    args.push(`${option}=${file.labels ? `${file.labels}=` : ''}${file.path}`);
  }
  return args;
}

function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}

/** The command an operator runs on a Neo4j server (stopped database, or a new one) to load the files. */
export function neo4jAdminCommand(files: BulkFiles, database: string): string {
  const [name, ...options] = importerArguments(files, database).map(shellQuote);
  return [`neo4j-admin database import full ${name}`, ...options].join(' \\\n  ');
}
