import type { Services } from './services.ts';
import { ProtectionReader } from '../protection/protection-reader.ts';
import { ProtectionView } from '../protection/protection-view.ts';
import type { GraphQLContext } from './context.ts';
import { ErrorCode, clientError } from './errors.ts';
import { getRequestPrincipal } from './plugins/request-principal.ts';

const MAX_PURPOSE_LENGTH = 500;

/** X-Purpose as recorded: control characters removed, trimmed, at most 500 characters; empty is none. */
export function readPurpose(request: Request): string | null {
  const raw = decodePercent(request.headers.get('x-purpose') ?? '');
  const clean = [...raw]
    .map((char) => (char.charCodeAt(0) < 32 || char.charCodeAt(0) === 127 ? ' ' : char))
    .join('')
    .trim()
    .slice(0, MAX_PURPOSE_LENGTH);
  return clean || null;
}

/** HTTP headers carry Latin-1 only, so clients send a purpose with diacritics percent-encoded. */
function decodePercent(value: string): string {
  if (!/%[0-9A-Fa-f]{2}/.test(value)) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export type RequestContext = Omit<GraphQLContext, 'request' | 'params' | 'waitUntil' | 'work'>;

/**
 * Builds one request's context: the caller verified by useAuthentication, and the services
 * as this caller may see them. The entity reader is bound to the caller's ProtectionView, so
 * every entity record any resolver reads through ctx.services.entities comes out masked.
 */
export function createRequestContextFactory(
  services: Services,
  pseudonymKey: Buffer,
  protectionReader: ProtectionReader = new ProtectionReader(services.db),
) {
  return ({ request }: { request: Request }): RequestContext => {
    const principal = getRequestPrincipal(request);
    // useAuthentication answers before this runs; this is the second lock on the door.
    if (!principal) throw clientError(ErrorCode.UNAUTHENTICATED, 'a bearer token is required');
    const touched = new Set<string>();
    const protection = new ProtectionView(protectionReader, principal.clearance, pseudonymKey, (ids) => {
      for (const id of ids) touched.add(id);
    });
    return {
      principal,
      purpose: readPurpose(request),
      touched,
      protection,
      services: { ...services, entities: services.entities.forViewer(protection) },
    };
  };
}
