import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { bundleExplorer } from '../explorer/bundle-explorer.ts';

const STATIC_DIR = fileURLToPath(new URL('../explorer/static/', import.meta.url));

/**
 * The map's boundaries: Natural Earth's countries at 1:50m as TopoJSON, from the world-atlas
 * package, served by the service itself so the map needs no tile server and no network.
 */
const BOUNDARIES_FILE = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');

/** What the page is told of the service's settings (GET /explorer/settings.json). */
export interface PageSettings {
  /** An agency's own tile server ({z}/{x}/{y}), MAP_TILE_URL; the page may load images from it. */
  mapTileUrl: string | null;
}

const NO_SETTINGS: PageSettings = { mapTileUrl: null };

/** The page's security headers: its own script and styles only, and calls to this service only (and the tile server's images). */
function pageHeaders(settings: PageSettings): Record<string, string> {
  const tiles = settings.mapTileUrl ? ` ${new URL(settings.mapTileUrl.replace(/\{[xyz]\}/g, '0')).origin}` : '';
  return {
    'content-security-policy': `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:${tiles}; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'`,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
}

const FILES: Record<string, { file: string; type: string }> = {
  '/explorer': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/explorer/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/explorer/explorer.css': { file: 'explorer.css', type: 'text/css; charset=utf-8' },
};

let bundle: Promise<string> | undefined;
let boundaries: Promise<string> | undefined;

/**
 * The explorer page: GET / redirects to /explorer; the page, its stylesheet and its script
 * (bundled on first request, see bundle-explorer.ts). Returns false for any other path.
 */
export function serveExplorer(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  settings: PageSettings = NO_SETTINGS,
): boolean {
  if (path !== '/' && path !== '/explorer' && !path.startsWith('/explorer/')) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' });
    res.end('method not allowed');
    return true;
  }
  if (path === '/') {
    res.writeHead(302, { location: '/explorer/' });
    res.end();
    return true;
  }
  void respond(req, res, path, settings);
  return true;
}

async function respond(req: IncomingMessage, res: ServerResponse, path: string, settings: PageSettings): Promise<void> {
  try {
    let body: string;
    let type: string;
    if (path === '/explorer/app.js') {
      bundle ??= bundleExplorer().catch((error: unknown) => {
        bundle = undefined;
        throw error;
      });
      body = await bundle;
      type = 'text/javascript; charset=utf-8';
    } else if (path === '/explorer/boundaries.json') {
      boundaries ??= readFile(BOUNDARIES_FILE, 'utf8');
      body = await boundaries;
      type = 'application/json';
    } else if (path === '/explorer/settings.json') {
      body = JSON.stringify({ mapTileUrl: settings.mapTileUrl });
      type = 'application/json';
    } else {
      const entry = FILES[path];
      if (!entry) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
        return;
      }
      body = await readFile(`${STATIC_DIR}${entry.file}`, 'utf8');
      type = entry.type;
    }
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache', ...pageHeaders(settings) });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
    res.end('the explorer could not be served');
  }
}
