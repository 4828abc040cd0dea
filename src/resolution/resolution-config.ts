/**
 * RESOLUTION_AUTO_MERGE: whether resolveDuplicates merges the pairs that share a document number
 * of the same kind. Default false: merging changes what every investigator sees, so an operator
 * turns it on (or passes --auto-merge to npm run resolve) after reviewing a dry run's report.
 */
export function autoMergeFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  const raw = env['RESOLUTION_AUTO_MERGE']?.trim().toLowerCase();
  if (raw === undefined || raw === '') return false;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new Error(`RESOLUTION_AUTO_MERGE="${env['RESOLUTION_AUTO_MERGE']}": must be true or false`);
}
