import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EvidenceGraph } from '../../src/rings/core/index.ts';

export interface IgraphFigures {
  nodes: number;
  edges: number;
  durationMs: number;
  communityCount: number;
  modularity: number;
  version: string;
}

/**
 * python-igraph's `community_multilevel` (Louvain in C) on the very graph detection's Louvain
 * ran on. igraph is the benchmark's, never the service's: it is installed with pip into a
 * virtual environment under the user's cache folder, made on first use and reused after.
 */
export function igraphMultilevel(graph: EvidenceGraph, resolution: number, log: (line: string) => void): IgraphFigures {
  const python = ensureIgraph(log);
  const dir = mkdtempSync(join(tmpdir(), 'ringwatch-bench-igraph-'));
  try {
    const index = new Map<string, number>();
    graph.forEachNode((key) => index.set(key, index.size));
    const lines: string[] = [];
    graph.forEachEdge((_edge, attributes, source, target) => {
      lines.push(`${index.get(source)} ${index.get(target)} ${attributes.weight}`);
    });
    const file = join(dir, 'edges.txt');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const output = execFileSync(python, ['-c', SCRIPT, file, String(graph.order), String(resolution)], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    return JSON.parse(output.trim().split('\n').at(-1)!) as IgraphFigures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function ensureIgraph(log: (line: string) => void): string {
  const venv = join(process.env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'ringwatch-bench', 'igraph-venv');
  const python = join(venv, 'bin', 'python');
  const ready = () => {
    try {
      execFileSync(python, ['-c', 'import igraph'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  };
  if (existsSync(python) && ready()) return python;
  log(`igraph: installing python-igraph into ${venv}...`);
  mkdirSync(join(venv, '..'), { recursive: true });
  execFileSync('python3', ['-m', 'venv', venv], { stdio: 'inherit' });
  execFileSync(join(venv, 'bin', 'pip'), ['install', '--quiet', 'python-igraph'], { stdio: 'inherit' });
  return python;
}

// Reads the edge list, then times community_multilevel alone (weighted, at the pipeline's
// resolution), as the graphology figure times Louvain alone.
const SCRIPT = `
import json, sys, time
import igraph
path, n, resolution = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
edges, weights = [], []
with open(path) as f:
    for line in f:
        a, b, w = line.split()
        edges.append((int(a), int(b)))
        weights.append(float(w))
g = igraph.Graph(n=n, edges=edges)
g.es["weight"] = weights
t0 = time.perf_counter()
parts = g.community_multilevel(weights="weight", resolution=resolution)
ms = (time.perf_counter() - t0) * 1000
print(json.dumps({"nodes": g.vcount(), "edges": g.ecount(), "durationMs": ms, "communityCount": len(parts),
                  "modularity": g.modularity(parts.membership, weights="weight", resolution=resolution),
                  "version": igraph.__version__}))
`;
