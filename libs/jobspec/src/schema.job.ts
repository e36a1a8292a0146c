// job and group (api/jobs.go, api/tasks.go). Group-level `vault` and job-level `vault`, `task`
// and `secret` blocks are jobspec2 extras handled in decode-job.ts.

import { AFFINITY, CONSTRAINT } from './schema.constraint';
import { NETWORK } from './schema.resources';
import { CONSUL, SERVICE } from './schema.service';
import { RESTART, TASK } from './schema.task';
import { applyGroupExtras } from './group-extras';
import { SCALING } from './schema.scaling';
import { block, blocks, label, labeled, labeledMap, p, struct, server, v } from './schema.types';

const SPREAD_TARGET = struct('SpreadTarget', [label('Value'), v('Percent', 'percent', 'int')]);

const SPREAD = struct('Spread', [
  v('Attribute', 'attribute', 'string'),
  p('Weight', 'weight', 'int'),
  v('SpreadTarget', 'target', labeled(SPREAD_TARGET)),
]);

export const UPDATE = struct('UpdateStrategy', [
  p('Stagger', 'stagger', 'duration'),
  p('MaxParallel', 'max_parallel', 'int'),
  p('HealthCheck', 'health_check', 'string'),
  p('MinHealthyTime', 'min_healthy_time', 'duration'),
  p('HealthyDeadline', 'healthy_deadline', 'duration'),
  p('ProgressDeadline', 'progress_deadline', 'duration'),
  p('Canary', 'canary', 'int'),
  p('AutoRevert', 'auto_revert', 'bool'),
  p('AutoPromote', 'auto_promote', 'bool'),
]);

const MIGRATE = struct('MigrateStrategy', [
  p('MaxParallel', 'max_parallel', 'int'),
  p('HealthCheck', 'health_check', 'string'),
  p('MinHealthyTime', 'min_healthy_time', 'duration'),
  p('HealthyDeadline', 'healthy_deadline', 'duration'),
]);

const RESCHEDULE = struct('ReschedulePolicy', [
  p('Attempts', 'attempts', 'int'),
  p('Interval', 'interval', 'duration'),
  p('Delay', 'delay', 'duration'),
  p('DelayFunction', 'delay_function', 'string'),
  p('MaxDelay', 'max_delay', 'duration'),
  p('Unlimited', 'unlimited', 'bool'),
]);

const DISCONNECT = struct('DisconnectStrategy', [
  p('LostAfter', 'lost_after', 'duration'),
  p('StopOnClientAfter', 'stop_on_client_after', 'duration'),
  p('Replace', 'replace', 'bool'),
  p('Reconcile', 'reconcile', 'string'),
]);

const EPHEMERAL_DISK = struct('EphemeralDisk', [
  p('Sticky', 'sticky', 'bool'),
  p('Migrate', 'migrate', 'bool'),
  p('SizeMB', 'size', 'int'),
]);

const MOUNT_OPTIONS = struct('CSIMountOptions', [
  v('FSType', 'fs_type', 'string'),
  v('MountFlags', 'mount_flags', 'strings'),
]);

const VOLUME = struct('VolumeRequest', [
  label('Name'),
  v('Type', 'type', 'string'),
  v('Source', 'source', 'string'),
  v('ReadOnly', 'read_only', 'bool'),
  v('Sticky', 'sticky', 'bool'),
  v('AccessMode', 'access_mode', 'string'),
  v('AttachmentMode', 'attachment_mode', 'string'),
  p('MountOptions', 'mount_options', block(MOUNT_OPTIONS)),
  v('PerAlloc', 'per_alloc', 'bool'),
]);

export const GROUP = struct(
  'TaskGroup',
  [
    label('Name', true),
    p('Count', 'count', 'int'),
    v('Constraints', 'constraint', blocks(CONSTRAINT)),
    v('Affinities', 'affinity', blocks(AFFINITY)),
    v('Tasks', 'task', labeled(TASK)),
    v('Spreads', 'spread', blocks(SPREAD)),
    v('Volumes', 'volume', labeledMap(VOLUME)),
    p('RestartPolicy', 'restart', block(RESTART)),
    p('Disconnect', 'disconnect', block(DISCONNECT)),
    p('ReschedulePolicy', 'reschedule', block(RESCHEDULE)),
    p('EphemeralDisk', 'ephemeral_disk', block(EPHEMERAL_DISK)),
    p('Update', 'update', block(UPDATE)),
    p('Migrate', 'migrate', block(MIGRATE)),
    v('Networks', 'network', blocks(NETWORK)),
    v('Meta', 'meta', 'stringMap'),
    v('Services', 'service', blocks(SERVICE)),
    p('ShutdownDelay', 'shutdown_delay', 'duration'),
    p('MaxRunDuration', 'max_run_duration', 'duration'),
    p('StopAfterClientDisconnect', 'stop_after_client_disconnect', 'duration'),
    p('MaxClientDisconnect', 'max_client_disconnect', 'duration'),
    p('Scaling', 'scaling', block(SCALING)),
    p('Consul', 'consul', block(CONSUL)),
    p('PreventRescheduleOnLost', 'prevent_reschedule_on_lost', 'bool'),
  ],
  { extra: ['vault'], after: applyGroupExtras },
);

const PERIODIC = struct('PeriodicConfig', [
  p('Enabled', 'enabled', 'bool'),
  p('Spec', 'cron', 'string'),
  v('Specs', 'crons', 'strings'),
  server('SpecType'),
  p('ProhibitOverlap', 'prohibit_overlap', 'bool'),
  p('TimeZone', 'time_zone', 'string'),
]);

const PARAMETERIZED = struct('ParameterizedJobConfig', [
  v('Payload', 'payload', 'string'),
  v('MetaRequired', 'meta_required', 'strings'),
  v('MetaOptional', 'meta_optional', 'strings'),
]);

const MULTIREGION = struct('Multiregion', [
  p(
    'Strategy',
    'strategy',
    block(
      struct('MultiregionStrategy', [
        p('MaxParallel', 'max_parallel', 'int'),
        p('OnFailure', 'on_failure', 'string'),
      ]),
    ),
  ),
  v(
    'Regions',
    'region',
    labeled(
      struct('MultiregionRegion', [
        label('Name'),
        p('Count', 'count', 'int'),
        v('Datacenters', 'datacenters', 'strings'),
        v('NodePool', 'node_pool', 'string'),
        v('Meta', 'meta', 'stringMap'),
      ]),
    ),
  ),
]);

const UI = struct('JobUIConfig', [
  v('Description', 'description', 'string'),
  v(
    'Links',
    'link',
    blocks(struct('JobUILink', [v('Label', 'label', 'string'), v('URL', 'url', 'string')])),
  ),
]);

export const JOB = struct(
  'Job',
  [
    p('Region', 'region', 'string'),
    p('Namespace', 'namespace', 'string'),
    p('ID', 'id', 'string'),
    p('Name', 'name', 'string'),
    p('Type', 'type', 'string'),
    p('Priority', 'priority', 'int'),
    p('AllAtOnce', 'all_at_once', 'bool'),
    v('Datacenters', 'datacenters', 'strings'),
    p('NodePool', 'node_pool', 'string'),
    v('Constraints', 'constraint', blocks(CONSTRAINT)),
    v('Affinities', 'affinity', blocks(AFFINITY)),
    v('TaskGroups', 'group', labeled(GROUP)),
    p('Update', 'update', block(UPDATE)),
    p('Multiregion', 'multiregion', block(MULTIREGION)),
    v('Spreads', 'spread', blocks(SPREAD)),
    p('Periodic', 'periodic', block(PERIODIC)),
    p('ParameterizedJob', 'parameterized', block(PARAMETERIZED)),
    p('Reschedule', 'reschedule', block(RESCHEDULE)),
    p('Migrate', 'migrate', block(MIGRATE)),
    v('Meta', 'meta', 'stringMap'),
    p('UI', 'ui', block(UI)),
    server('Stop'),
    server('ParentID'),
    server('Dispatched', false),
    server('DispatchIdempotencyToken'),
    server('Payload'),
    server('ConsulNamespace'),
    server('VaultNamespace'),
    server('NomadTokenID'),
    server('Status'),
    server('StatusDescription'),
    server('Stable'),
    server('Version'),
    server('SubmitTime'),
    server('CreateIndex'),
    server('ModifyIndex'),
    server('JobModifyIndex'),
    server('VersionTag'),
  ],
  { extra: ['vault', 'task', 'secret'] },
);
