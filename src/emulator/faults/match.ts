// Route patterns of fault rules: `'POST /threads/*/runs'`, `'/threads/**'`, over the path after /v1.

export type RouteMatcher = (method: string, path: string) => boolean;

interface Pattern {
  method: string | undefined;
  segments: string[];
}

/** Why `spec` is not a route pattern, in words a person can act on; undefined when it is one. */
export function routeProblem(spec: string): string | undefined {
  const parts = spec.trim().split(/\s+/);
  const [first = '', second] = parts;
  if (parts.length > 2) return `'${spec}' should be 'METHOD /path' or '/path'`;
  const method = second === undefined ? undefined : first;
  const path = second ?? first;
  if (method !== undefined && !/^([A-Z]+|\*)$/.test(method)) return `'${method}' in '${spec}' is not an HTTP method in capitals (GET, POST, …) or *`;
  if (!path.startsWith('/')) return `'${path}' in '${spec}' should start with '/'`;
  if (/^\/v1(\/|$)/.test(path)) return `'${spec}': patterns are over the path after /v1; write '${path.slice(3) || '/'}'`;
  return undefined;
}

function parse(spec: string): Pattern {
  const parts = spec.trim().split(/\s+/);
  const method = parts.length === 2 && parts[0] !== '*' ? parts[0] : undefined;
  return { method, segments: (parts.at(-1) ?? '').split('/').filter(Boolean) };
}

function matchSegments(pattern: string[], path: string[]): boolean {
  const [head, ...rest] = pattern;
  if (head === undefined) return path.length === 0;
  if (head === '**') return path.some((_, i) => matchSegments(rest, path.slice(i))) || matchSegments(rest, []);
  const [segment, ...remaining] = path;
  if (segment === undefined) return false;
  if (head !== '*' && !head.startsWith(':') && head !== segment) return false;
  return matchSegments(rest, remaining);
}

/** A matcher for one pattern or any of several; no patterns (undefined) match every request. */
export function compileRoutes(route: string | readonly string[] | undefined): RouteMatcher {
  if (route === undefined) return () => true;
  const patterns = (typeof route === 'string' ? [route] : route).map(parse);
  return (method, path) => {
    const segments = path.split('/').filter(Boolean);
    return patterns.some((pattern) => (pattern.method === undefined || pattern.method === method) && matchSegments(pattern.segments, segments));
  };
}
