// A task's `scaling "cpu"` / `scaling "mem"` blocks become vertical scaling policies
// (jobspec2 decodeTaskScalingPolicies).

import { orderedLabels } from './block-order';
import { isObject, manyBodies } from './coerce';
import { decodeStruct, type ApiObject, type DecodeContext } from './decode';
import { DecodeProblem } from './jobspec.error';
import type { HclObject } from './hcl-parser';
import { SCALING } from './schema.scaling';

const POLICY_TYPES: Readonly<Record<string, string>> = { cpu: 'vertical_cpu', mem: 'vertical_mem' };

export function applyTaskExtras(task: ApiObject, body: HclObject, ctx: DecodeContext): void {
  const raw = body['scaling'];
  if (raw === undefined || raw === null) return;
  if (!isObject(raw)) {
    throw new DecodeProblem(
      'Missing name for scaling',
      'All scaling blocks must have 1 labels (name).',
    );
  }
  const seen = new Set<string>();
  const policies: ApiObject[] = [];
  for (const name of orderedLabels(ctx.order, ctx.path, 'scaling', Object.keys(raw))) {
    const bodies = raw[name] ?? [];
    const label = name.toLowerCase();
    const policyType = POLICY_TYPES[label];
    if (policyType === undefined) {
      throw new DecodeProblem(
        'Invalid scaling policy name',
        'scaling policy name must be "cpu" or "mem"',
      );
    }
    for (const b of manyBodies(bodies, 'scaling')) {
      if (seen.has(label)) {
        throw new DecodeProblem(
          `Duplicate scaling "${label}" block`,
          `Only one scaling ${label} block is allowed.`,
        );
      }
      seen.add(label);
      const policy = decodeStruct(SCALING, b, ctx);
      if (policy['Type'] === '') policy['Type'] = policyType;
      else if (policy['Type'] !== policyType) {
        throw new DecodeProblem(
          'Invalid scaling policy type',
          `Invalid policy type, expected ${JSON.stringify(policy['Type'])} but found ${JSON.stringify(policyType)}`,
        );
      }
      policies.push(policy);
    }
  }
  task['ScalingPolicies'] = policies;
}
