import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export const explorerEntry = fileURLToPath(new URL('./client/main.ts', import.meta.url));

/**
 * The explorer's script: src/explorer/client bundled with sigma and graphology for the
 * browser, in memory. Nothing generated is written to disk or committed; the service
 * builds it once, on the first request for it (about a second), and keeps it.
 */
export async function bundleExplorer(): Promise<string> {
  const result = await build({
    entryPoints: [explorerEntry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild produced no output for the explorer');
  return output.text;
}
