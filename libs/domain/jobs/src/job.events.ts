import type { Job } from '@caravan/nomad-api';

// The job stream's events. A *version* is an immutable snapshot of the job spec; every
// version-creating event carries the full job at that version (Version, SubmitTime, Stable,
// Stop set), with Status empty and the three indexes 0: indexes are log indexes assigned at
// commit and status is derived by the read models.

/** Nomad's job submission: the source the job was parsed from, kept per version. */
export interface JobSubmission {
  Source: string;
  Format: string;
  VariableFlags: Record<string, string> | null;
  Variables: string;
}

interface VersionData {
  job: Job;
  /** the job's CreateIndex; null when this event creates the job (its own log index) */
  createIndex: number | null;
  submission: JobSubmission | null;
}

/** A register whose spec is new or changed. */
export interface JobVersionRegistered {
  type: 'JobVersionRegistered';
  schemaVersion: 1;
  data: VersionData;
}

/** A revert: the old version's spec registered again as a new version. */
export interface JobReverted {
  type: 'JobReverted';
  schemaVersion: 1;
  data: VersionData & { createIndex: number; revertedToVersion: number };
}

/** A stop (deregister without purge): a new version with Stop set. */
export interface JobStopped {
  type: 'JobStopped';
  schemaVersion: 1;
  data: VersionData & { createIndex: number };
}

/** Purge: the job, its versions and its summary are gone. */
export interface JobPurged {
  type: 'JobPurged';
  schemaVersion: 1;
  data: { namespace: string; jobId: string };
}

/** A tracked version dropped: by retention (`job_tracked_versions`), or by a purge. */
export interface JobVersionPruned {
  type: 'JobVersionPruned';
  schemaVersion: 1;
  data: { namespace: string; jobId: string; version: number; reason: 'retention' | 'purge' };
}

export interface JobVersionStabilityChanged {
  type: 'JobVersionStabilityChanged';
  schemaVersion: 1;
  data: { namespace: string; jobId: string; version: number; stable: boolean };
}

export type JobVersionCreated = JobVersionRegistered | JobReverted | JobStopped;

export type JobEvent =
  JobVersionCreated | JobPurged | JobVersionPruned | JobVersionStabilityChanged;

export const JOB_VERSION_CREATED_TYPES = [
  'JobVersionRegistered',
  'JobReverted',
  'JobStopped',
] as const;

export const JOB_EVENT_TYPES = [
  ...JOB_VERSION_CREATED_TYPES,
  'JobPurged',
  'JobVersionPruned',
  'JobVersionStabilityChanged',
] as const;
