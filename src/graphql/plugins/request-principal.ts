import type { Principal } from '../../auth/roles.ts';

// The principal verified by useAuthentication, handed to the context factory by request.
const principals = new WeakMap<Request, Principal>();

export function setRequestPrincipal(request: Request, principal: Principal): void {
  principals.set(request, principal);
}

export function getRequestPrincipal(request: Request): Principal | undefined {
  return principals.get(request);
}
