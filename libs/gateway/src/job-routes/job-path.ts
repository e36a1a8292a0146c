// Nomad's /v1/job/<rest> routing (jobSpecificRequest): the suffix decides the action and
// whatever precedes it is the job ID, so IDs may contain '/'. Suffixes are tried in Nomad's
// order; a job whose ID itself ends in one (`foo/plan`) cannot be addressed, as in Nomad.

export type JobAction =
  | 'evaluate'
  | 'allocations'
  | 'evaluations'
  | 'periodic/force'
  | 'plan'
  | 'summary'
  | 'dispatch'
  | 'dispatch/payload'
  | 'versions'
  | 'revert'
  | 'deployments'
  | 'deployment'
  | 'stable'
  | 'scale'
  | 'services'
  | 'submission'
  | 'actions'
  | 'action'
  | 'tag';

/** Nomad's order (command/agent/job_endpoint.go). `dispatch/payload` is tested after `dispatch`. */
const SUFFIXES: readonly JobAction[] = [
  'evaluate',
  'allocations',
  'evaluations',
  'periodic/force',
  'plan',
  'summary',
  'dispatch',
  'dispatch/payload',
  'versions',
  'revert',
  'deployments',
  'deployment',
  'stable',
  'scale',
  'services',
  'submission',
  'actions',
  'action',
];

export interface JobPath {
  jobId: string;
  /** null: the job itself (read, register, deregister). */
  action: JobAction | null;
  /** `<id>/versions/<name>/tag`: the tag name. */
  tag?: string;
}

const TAG = /^(.*)\/versions\/([^/]*)\/tag$/s;

/** `rest` is the decoded path after `/v1/job/`. */
export function parseJobPath(rest: string): JobPath {
  for (const action of SUFFIXES) {
    const suffix = `/${action}`;
    if (rest.endsWith(suffix)) return { jobId: rest.slice(0, -suffix.length), action };
  }
  const tag = TAG.exec(rest);
  if (tag !== null) return { jobId: tag[1] ?? '', action: 'tag', tag: tag[2] ?? '' };
  return { jobId: rest, action: null };
}
