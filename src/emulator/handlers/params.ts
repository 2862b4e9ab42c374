import type { RequestContext } from '../router.js';

/** A path parameter the route pattern guarantees. */
export function pathParam(context: RequestContext, name: string): string {
  return context.params[name] ?? '';
}
