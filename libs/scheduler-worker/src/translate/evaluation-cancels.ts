import { EVALUATION_DESCRIPTIONS } from '@caravan/domain/evaluations';
import type { Plan } from '@caravan/domain/scheduler';
import type { EvaluationView, PlannedCancel, SchedulingSnapshot } from '@caravan/scheduling';
import { isDelayed } from '../adapt/evaluation.adapter';

// Which other evaluations of the job an outcome supersedes, as Nomad's broker and state store
// decide it:
// - load shedding: older pending evaluations of the job (not delayed ones: they wait for their
//   time) are `canceled after more recent eval was processed`;
// - success: an outcome with no failed groups cancels the job's blocked evaluations;
// - one blocked evaluation per job: a new one cancels the older ones.
// Each cancel names the version the state saw, so it never overwrites a newer outcome.

export function evaluationCancels(
  snap: SchedulingSnapshot,
  ev: EvaluationView,
  plan: Plan,
): PlannedCancel[] {
  const others = snap.openEvaluationsOfJob(ev.namespace, ev.jobId).filter((o) => o.id !== ev.id);
  const cancel = (o: EvaluationView, description: string): PlannedCancel => ({
    evaluationId: o.id,
    description,
    expectedVersion: o.version,
  });
  const shed = others
    .filter((o) => o.status === 'pending' && !isDelayed(o) && o.createIndex < ev.createIndex)
    .map((o) => cancel(o, EVALUATION_DESCRIPTIONS.supersededInBroker));
  const blocked = others.filter((o) => o.status === 'blocked');
  const succeeded =
    plan.evaluation.status === 'complete' &&
    Object.keys(plan.evaluation.failedTGAllocs).length === 0;
  const superseded = succeeded
    ? blocked.map((o) => cancel(o, EVALUATION_DESCRIPTIONS.supersededBySuccess(ev.id)))
    : plan.blockedEval !== null
      ? blocked.map((o) => cancel(o, EVALUATION_DESCRIPTIONS.duplicateBlocked(ev.jobId)))
      : [];
  return [...shed, ...superseded];
}
