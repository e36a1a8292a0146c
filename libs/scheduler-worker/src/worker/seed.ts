// The scheduler's seed for one planning attempt: derived from the evaluation and the state
// index, so two workers planning the same evaluation at the same index make the same plan, and
// recorded with the plan so a replay needs nothing else (FNV-1a, 32 bits).

export function planSeed(evalId: string, stateIndex: number): number {
  const text = `${evalId}@${stateIndex}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
