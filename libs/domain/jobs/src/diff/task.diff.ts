// A task's diff: its fields (Env[...], Meta[...], Driver...) and its nested blocks.
import type { NetworkResource, Resources, Task } from '@caravan/nomad-api';
import type { ObjectDiff, TaskDiff } from './job-diff.types';
import { fieldDiffs, flattenPrimitives } from './diff-fields';
import { blockDiff, contentKey, diffType, present, setDiffs, sortObjects } from './diff-objects';
import { placementDiffs } from './placement.diff';
import { serviceDiffs } from './service.diff';

/** Config is shown as its own object, fully flattened, rather than as fields. */
const TASK_SKIP = new Set(['Name', 'Config']);

export function taskDiff(old: Task | null, next: Task | null, contextual: boolean): TaskDiff {
  const fields = fieldDiffs(
    flattenPrimitives(old, TASK_SKIP),
    flattenPrimitives(next, TASK_SKIP),
    contextual,
  );
  const c = contextual;
  const objects = present(
    placementDiffs(old, next, c),
    blockDiff('Config', old?.Config, next?.Config, c, { deep: true }),
    resourcesDiff(old?.Resources, next?.Resources, c),
    blockDiff('LogConfig', old?.LogConfig, next?.LogConfig, c),
    blockDiff('DispatchPayload', old?.DispatchPayload, next?.DispatchPayload, c),
    blockDiff('Lifecycle', old?.Lifecycle, next?.Lifecycle, c),
    blockDiff('RestartPolicy', old?.RestartPolicy, next?.RestartPolicy, c),
    blockDiff('Vault', old?.Vault, next?.Vault, c),
    blockDiff('Consul', old?.Consul, next?.Consul, c),
    blockDiff('Identity', old?.Identity, next?.Identity, c),
    setDiffs('Identity', old?.Identities, next?.Identities, (i) => i.Name, c),
    setDiffs('Artifact', old?.Artifacts, next?.Artifacts, contentKey, c, { deep: true }),
    setDiffs('Template', old?.Templates, next?.Templates, contentKey, c, { deep: true }),
    setDiffs('Secret', old?.Secrets, next?.Secrets, (s) => s.Name, c, { deep: true }),
    setDiffs('VolumeMount', old?.VolumeMounts, next?.VolumeMounts, contentKey, c),
    setDiffs('Action', old?.Actions, next?.Actions, (a) => a.Name, c, { deep: true }),
    serviceDiffs(old?.Services, next?.Services, c),
  );
  return {
    Type: diffType(old, next),
    Name: next?.Name ?? old?.Name ?? '',
    Fields: fields.length ? fields : null,
    Objects: objects.length ? sortObjects(objects) : null,
    Annotations: null,
  };
}

function resourcesDiff(
  old: Resources | null | undefined,
  next: Resources | null | undefined,
  contextual: boolean,
): ObjectDiff | null {
  return blockDiff('Resources', old, next, contextual, {
    children: (a, b) => [
      ...networkDiffs(a?.Networks, b?.Networks, contextual),
      ...setDiffs('Device', a?.Devices, b?.Devices, (d) => d.Name, contextual, { deep: true }),
      ...present(blockDiff('NUMA', a?.NUMA, b?.NUMA, contextual, { deep: true })),
    ],
  });
}

/** Nomad leaves addresses and bandwidth out; a dynamic port's Value is the scheduler's pick. */
const NETWORK_SKIP = new Set(['Device', 'CIDR', 'IP', 'MBits']);

export function networkDiffs(
  old: readonly NetworkResource[] | null | undefined,
  next: readonly NetworkResource[] | null | undefined,
  contextual: boolean,
): ObjectDiff[] {
  return setDiffs(
    'Network',
    old,
    next,
    // Matched by mode, so a port change is an Edited network holding the port's diff.
    (n) => n.Mode,
    contextual,
    {
      skip: NETWORK_SKIP,
      children: (a, b) => [
        ...setDiffs('Static Port', a?.ReservedPorts, b?.ReservedPorts, (p) => p.Label, contextual),
        ...setDiffs('Dynamic Port', a?.DynamicPorts, b?.DynamicPorts, (p) => p.Label, contextual, {
          skip: new Set(['Value']),
        }),
      ],
    },
  );
}
