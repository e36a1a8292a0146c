// Seeded randomness: the scheduler may not call Math.random() (STYLE.md rule 1), yet Nomad
// shuffles nodes and probes random ports. mulberry32 is a tiny 32-bit generator, good enough to
// spread load and exactly reproducible for a seed.

export interface Prng {
  /** uniform in [0, 1) */
  next(): number;
  /** uniform integer in [0, n) */
  int(n: number): number;
}

export function mulberry32(seed: number): Prng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n) };
}

/** Fisher–Yates in place, as Nomad's `shuffleNodes`. */
export function shuffle<T>(items: T[], rng: Prng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const tmp = items[i] as T;
    items[i] = items[j] as T;
    items[j] = tmp;
  }
  return items;
}

/**
 * A derived seed for an independent stream, so drawing ids does not move the node shuffle or
 * port choices (a change in how many ids we draw must not change where things land).
 */
export function deriveSeed(seed: number, stream: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(stream + 1, 0xc2b2ae35)) >>> 0;
}

/** Version-4-shaped UUIDs from a seeded stream: ids are inputs of a pure function too. */
export function uuidSource(rng: Prng): () => string {
  const hex = (n: number): string => Math.floor(n).toString(16).padStart(8, '0');
  return () => {
    const a = hex(rng.next() * 2 ** 32);
    const b = hex(rng.next() * 2 ** 32);
    const c = hex(rng.next() * 2 ** 32);
    const d = hex(rng.next() * 2 ** 32);
    const variant = ((parseInt(c.slice(0, 1), 16) & 0x3) | 0x8).toString(16);
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
  };
}
