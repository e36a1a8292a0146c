// Fastify answers an unknown (path, method) pair with 404 whether or not the path exists.
// Nomad answers a known path with a wrong method with 405 "Invalid method". This matcher
// remembers every registered route's path pattern so the not-found path can tell them apart.

interface Pattern {
  regex: RegExp;
  methods: Set<string>;
}

function toRegex(url: string): RegExp {
  let source = '';
  for (const segment of url.split(/(\*|:[A-Za-z0-9_]+)/)) {
    if (segment === '*') source += '.*';
    else if (segment.startsWith(':')) source += '[^/]+';
    else source += segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

export class RouteMatcher {
  private readonly patterns = new Map<string, Pattern>();

  add(url: string, methods: string | readonly string[]): void {
    const pattern = this.patterns.get(url) ?? { regex: toRegex(url), methods: new Set<string>() };
    for (const m of typeof methods === 'string' ? [methods] : methods)
      pattern.methods.add(m.toUpperCase());
    this.patterns.set(url, pattern);
  }

  /** Methods registered for any pattern matching this path (query string excluded). */
  methodsFor(path: string): Set<string> {
    const out = new Set<string>();
    for (const { regex, methods } of this.patterns.values()) {
      if (regex.test(path)) for (const m of methods) out.add(m);
    }
    return out;
  }
}
