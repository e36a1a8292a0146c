// Nomad's AllocMetric and DesiredUpdates, field for field: they go to the wire unchanged
// (eval.FailedTGAllocs, alloc.Metrics, plan annotations), so they keep Nomad's PascalCase.
// Maps Nomad leaves nil until first use are `null` here too.

export interface NodeScoreMeta {
  NodeID: string;
  /** per scorer: binpack, job-anti-affinity, node-reschedule-penalty, node-affinity, allocation-spread */
  Scores: Record<string, number>;
  NormScore: number;
}

export interface AllocMetric {
  NodesEvaluated: number;
  NodesFiltered: number;
  NodesInPool: number;
  NodePool: string;
  NodesAvailable: Record<string, number> | null;
  ClassFiltered: Record<string, number> | null;
  ConstraintFiltered: Record<string, number> | null;
  NodesExhausted: number;
  ClassExhausted: Record<string, number> | null;
  DimensionExhausted: Record<string, number> | null;
  QuotaExhausted: string[] | null;
  ResourcesExhausted: Record<string, { CPU: number; MemoryMB: number }> | null;
  ScoreMetaData: NodeScoreMeta[] | null;
  /** wall time of Select in ns; always 0 here: the pure scheduler has no clock */
  AllocationTime: number;
  CoalescedFailures: number;
}

export interface DesiredUpdates {
  Ignore: number;
  Place: number;
  Migrate: number;
  Stop: number;
  InPlaceUpdate: number;
  DestructiveUpdate: number;
  Canary: number;
  Preemptions: number;
  Reconnect: number;
  Disconnect: number;
  RescheduleNow: number;
  RescheduleLater: number;
}

export function emptyDesiredUpdates(): DesiredUpdates {
  return {
    Ignore: 0,
    Place: 0,
    Migrate: 0,
    Stop: 0,
    InPlaceUpdate: 0,
    DestructiveUpdate: 0,
    Canary: 0,
    Preemptions: 0,
    Reconnect: 0,
    Disconnect: 0,
    RescheduleNow: 0,
    RescheduleLater: 0,
  };
}

export function emptyMetric(): AllocMetric {
  return {
    NodesEvaluated: 0,
    NodesFiltered: 0,
    NodesInPool: 0,
    NodePool: '',
    NodesAvailable: null,
    ClassFiltered: null,
    ConstraintFiltered: null,
    NodesExhausted: 0,
    ClassExhausted: null,
    DimensionExhausted: null,
    QuotaExhausted: null,
    ResourcesExhausted: null,
    ScoreMetaData: null,
    AllocationTime: 0,
    CoalescedFailures: 0,
  };
}

/** Increments a lazily created counter map (Nomad's nil-until-used maps). */
export function bump(map: Record<string, number> | null, key: string): Record<string, number> {
  const m = map ?? {};
  m[key] = (m[key] ?? 0) + 1;
  return m;
}
