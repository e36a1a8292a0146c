// One stream per allocation, ordered with its job's events (same partition key), so consumers
// keyed by job see a job's allocations in log order.

export interface AllocationStreamRef {
  id: string;
  category: 'allocation';
  partitionKey: string;
}

export function allocationStream(
  allocationId: string,
  namespace: string,
  jobId: string,
): AllocationStreamRef {
  return {
    id: `allocation-${allocationId}`,
    category: 'allocation',
    partitionKey: `${namespace}/${jobId}`,
  };
}

/** Nomad's allocation name: `<job>.<group>[<index>]`. */
export function allocationName(jobId: string, group: string, index: number): string {
  return `${jobId}.${group}[${index}]`;
}
