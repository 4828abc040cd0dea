import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Database } from '../db/database.ts';
import { serveExplorer, type PageSettings } from './serve-explorer.ts';

export interface HttpServerOptions {
  graphql: (req: IncomingMessage, res: ServerResponse) => void;
  db: Database;
  /** False while the local Neo4j is down or restarting. */
  databaseSupervised: () => boolean;
  maxBodyBytes: number;
  /** What the explorer page is told (its map's tile server); none by default. */
  page?: PageSettings;
}

/**
 * The service's HTTP front: /health, /graphql, the explorer page (/ and /explorer), and a
 * body-size limit applied before any parsing, so an oversized request is refused without
 * being read into memory.
 */
export function createHttpServer(options: HttpServerOptions): Server {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/health') {
      void health(options, res);
      return;
    }
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > options.maxBodyBytes) {
      refuse(res, 413, 'PAYLOAD_TOO_LARGE', `the request body is larger than ${options.maxBodyBytes} bytes`);
      req.resume();
      return;
    }
    if (path === '/graphql') {
      limitBody(req, res, options.maxBodyBytes);
      options.graphql(req, res);
      return;
    }
    if (serveExplorer(req, res, path ?? '/', options.page)) return;
    refuse(res, 404, 'NOT_FOUND', 'not found; the API is at /graphql');
  });
  server.keepAliveTimeout = 65_000;
  server.requestTimeout = 600_000;
  return server;
}

async function health(options: HttpServerOptions, res: ServerResponse): Promise<void> {
  const serving = options.databaseSupervised() && (await options.db.ping(2_000));
  res.writeHead(serving ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ status: serving ? 'ok' : 'unavailable', database: serving ? 'up' : 'down' }));
}

/** Chunked bodies carry no length up front: count while reading and cut off past the limit. */
function limitBody(req: IncomingMessage, res: ServerResponse, maxBytes: number): void {
  let received = 0;
  req.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received > maxBytes && !res.headersSent) {
      refuse(res, 413, 'PAYLOAD_TOO_LARGE', `the request body is larger than ${maxBytes} bytes`);
      req.destroy();
    }
  });
}

function refuse(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json', connection: 'close' });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}
