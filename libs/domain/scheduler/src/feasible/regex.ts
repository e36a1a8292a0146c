import { compileGoRegexp } from '@caravan/domain/shared';

// The one place a constraint's pattern becomes a matcher: Go's regexp (RE2) semantics, as Nomad.
// Patterns are compiled once per pattern (Nomad caches per eval); an invalid pattern never matches.

const cache = new Map<string, ((input: string) => boolean) | null>();
const CACHE_LIMIT = 1024;

export function compileRegex(pattern: string): ((input: string) => boolean) | null {
  const hit = cache.get(pattern);
  if (hit !== undefined) return hit;
  let matcher: ((input: string) => boolean) | null;
  try {
    // Unanchored, as Go's MatchString.
    const re = compileGoRegexp(pattern);
    matcher = (input) => re.test(input);
  } catch {
    matcher = null;
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(pattern, matcher);
  return matcher;
}
