// The job events this read model understands. They mirror the job stream's events until
// `libs/domain/job` defines them; the field names inside `job` are Nomad's JSON.

/** Nomad's job JSON, as registered. int64 fields (SubmitTime) arrive as bigint beyond 2^53. */
export interface NomadJobJson {
  ID: string;
  Namespace?: string;
  Name?: string;
  Type?: string;
  Priority?: number;
  Stop?: boolean;
  Version?: number;
  SubmitTime?: number | bigint;
  Status?: string;
  [field: string]: unknown;
}

export interface JobVersionRegisteredData {
  job: NomadJobJson;
}

/** `nomad job stop`: the job stays, with Stop set. */
export interface JobStoppedData {
  namespace: string;
  jobId: string;
  /** the version the stop created, when the decider records one */
  version?: number;
}

/** Deregister: a stop, or a purge when `purge` is set. */
export interface JobDeregisteredData {
  namespace: string;
  jobId: string;
  purge?: boolean;
}

/** The job and its history are gone (deregister with `?purge=true`, or GC). */
export interface JobPurgedData {
  namespace: string;
  jobId: string;
}

export const JOB_EVENT_TYPES = [
  'JobVersionRegistered',
  'JobStopped',
  'JobDeregistered',
  'JobPurged',
] as const;
