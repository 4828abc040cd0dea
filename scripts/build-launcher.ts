// Builds the embedded Neo4j launcher (neo4j-launcher/, a Maven project) unless an up-to-date
// build is there. Runs at `npm install` / `npm ci`; the service and the tests call the same
// check lazily before they start a local Neo4j, so a second start neither rebuilds nor downloads.
import { ensureLauncherBuilt } from '../src/db/local-neo4j/launcher-build.ts';

if (process.env['RINGWATCH_SKIP_LAUNCHER_BUILD'] === 'true') {
  console.log('neo4j-launcher: build skipped (RINGWATCH_SKIP_LAUNCHER_BUILD=true)');
} else {
  try {
    const result = ensureLauncherBuilt({ log: (line) => console.log(line) });
    console.log(`neo4j-launcher: ${result.built ? 'built' : 'up to date'} (${result.jar})`);
  } catch (error) {
    console.error(`neo4j-launcher: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
