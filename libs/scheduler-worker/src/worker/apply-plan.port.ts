import { StreamOrderConflictError, type PostgresEventStore } from '@caravan/event-store';
import { applyPlan, type PlanCommit, type PlanResult } from '@caravan/scheduling';

// The plan applier as the worker calls it. A plan's transaction may meet a stream last written
// by a newer transaction (StreamOrderConflictError): nothing was written and the same plan is
// still valid, so it is simply run again in a new transaction (event-store README).

const ORDER_ATTEMPTS = 8;

export async function applyPlanRetryingOrder(
  store: PostgresEventStore,
  plan: PlanCommit,
): Promise<PlanResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await applyPlan(store, plan);
    } catch (error) {
      if (!(error instanceof StreamOrderConflictError) || attempt >= ORDER_ATTEMPTS) throw error;
    }
  }
}
