// task and its blocks (api/tasks.go). Task-level `scaling "cpu"|"mem"` blocks are decoded by
// hand (decode-task-extras.ts), as jobspec2 does.

import { applyTaskExtras } from './task-extras';
import { AFFINITY, CONSTRAINT } from './schema.constraint';
import { RESOURCES } from './schema.resources';
import { CONSUL, IDENTITY, SERVICE } from './schema.service';
import {
  block,
  blocks,
  label,
  labeled,
  omitEmpty,
  p,
  req,
  server,
  struct,
  v,
} from './schema.types';

export const RESTART = struct('RestartPolicy', [
  p('Interval', 'interval', 'duration'),
  p('Attempts', 'attempts', 'int'),
  p('Delay', 'delay', 'duration'),
  p('Mode', 'mode', 'string'),
  p('RenderTemplates', 'render_templates', 'bool'),
]);

const LIFECYCLE = struct('TaskLifecycle', [
  req(v('Hook', 'hook', 'string')),
  v('Sidecar', 'sidecar', 'bool'),
]);

const LOGS = struct('LogConfig', [
  p('MaxFiles', 'max_files', 'int'),
  p('MaxFileSizeMB', 'max_file_size', 'int'),
  p('Enabled', 'enabled', 'bool'),
  p('Disabled', 'disabled', 'bool'),
]);

const ARTIFACT = struct('TaskArtifact', [
  p('GetterSource', 'source', 'string'),
  v('GetterOptions', 'options', 'stringMap'),
  v('GetterHeaders', 'headers', 'stringMap'),
  p('GetterMode', 'mode', 'string'),
  p('GetterInsecure', 'insecure', 'bool'),
  p('RelativeDest', 'destination', 'string'),
  v('Chown', 'chown', 'bool'),
]);

export const VAULT = struct('Vault', [
  v('Policies', 'policies', 'strings'),
  v('Role', 'role', 'string'),
  p('Namespace', 'namespace', 'string'),
  v('Cluster', 'cluster', 'string'),
  p('Env', 'env', 'bool'),
  p('DisableFile', 'disable_file', 'bool'),
  p('ChangeMode', 'change_mode', 'string'),
  p('ChangeSignal', 'change_signal', 'string'),
  p('AllowTokenExpiration', 'allow_token_expiration', 'bool'),
]);

const WAIT = struct('WaitConfig', [
  req(p('Min', 'min', 'duration')),
  req(p('Max', 'max', 'duration')),
]);

const CHANGE_SCRIPT = struct('ChangeScript', [
  req(p('Command', 'command', 'string')),
  v('Args', 'args', 'strings'),
  p('Timeout', 'timeout', 'duration'),
  req(p('FailOnError', 'fail_on_error', 'bool')),
  p('RunOnFirstRender', 'run_on_first_render', 'bool'),
]);

const TEMPLATE = struct('Template', [
  p('SourcePath', 'source', 'string'),
  p('DestPath', 'destination', 'string'),
  p('EmbeddedTmpl', 'data', 'string'),
  p('ChangeMode', 'change_mode', 'string'),
  p('ChangeScript', 'change_script', block(CHANGE_SCRIPT)),
  p('ChangeSignal', 'change_signal', 'string'),
  p('Once', 'once', 'bool'),
  p('Splay', 'splay', 'duration'),
  p('Perms', 'perms', 'string'),
  p('Uid', 'uid', 'int'),
  p('Gid', 'gid', 'int'),
  p('LeftDelim', 'left_delimiter', 'string'),
  p('RightDelim', 'right_delimiter', 'string'),
  p('Envvars', 'env', 'bool'),
  p('VaultGrace', 'vault_grace', 'duration'),
  p('Wait', 'wait', block(WAIT)),
  p('ErrMissingKey', 'error_on_missing_key', 'bool'),
]);

const VOLUME_MOUNT = struct('VolumeMount', [
  p('Volume', 'volume', 'string'),
  p('Destination', 'destination', 'string'),
  p('ReadOnly', 'read_only', 'bool'),
  p('PropagationMode', 'propagation_mode', 'string'),
  p('SELinuxLabel', 'selinux_label', 'string'),
]);

const CSI_PLUGIN = struct('TaskCSIPluginConfig', [
  v('ID', 'id', 'string'),
  v('Type', 'type', 'string'),
  v('MountDir', 'mount_dir', 'string'),
  v('StagePublishBaseDir', 'stage_publish_base_dir', 'string'),
  v('HealthTimeout', 'health_timeout', 'duration'),
]);

export const SECRET = struct('Secret', [
  label('Name'),
  v('Provider', 'provider', 'string'),
  v('Path', 'path', 'string'),
  v('Config', 'config', 'anyMap'),
  v('Env', 'env', 'stringMap'),
]);

const ACTION = struct('Action', [
  label('Name'),
  req(v('Command', 'command', 'string')),
  v('Args', 'args', 'strings'),
]);

const CRON = struct('TaskScheduleCron', [
  v('Start', 'start', 'string'),
  v('End', 'end', 'string'),
  v('Timezone', 'timezone', 'string'),
]);
const SCHEDULE = struct('TaskSchedule', [p('Cron', 'cron', block(CRON))]);

export const TASK = struct(
  'Task',
  [
    label('Name'),
    v('Driver', 'driver', 'string'),
    v('User', 'user', 'string'),
    p('Lifecycle', 'lifecycle', block(LIFECYCLE)),
    v('Config', 'config', 'anyMap'),
    v('Constraints', 'constraint', blocks(CONSTRAINT)),
    v('Affinities', 'affinity', blocks(AFFINITY)),
    v('Env', 'env', 'stringMap'),
    v('Services', 'service', blocks(SERVICE)),
    p('Resources', 'resources', block(RESOURCES)),
    p('RestartPolicy', 'restart', block(RESTART)),
    v('Meta', 'meta', 'stringMap'),
    p('KillTimeout', 'kill_timeout', 'duration'),
    p('LogConfig', 'logs', block(LOGS)),
    v('Artifacts', 'artifact', blocks(ARTIFACT)),
    p('Vault', 'vault', block(VAULT)),
    p('Consul', 'consul', block(CONSUL)),
    v('Templates', 'template', blocks(TEMPLATE)),
    p(
      'DispatchPayload',
      'dispatch_payload',
      block(struct('DispatchPayloadConfig', [v('File', 'file', 'string')])),
    ),
    v('VolumeMounts', 'volume_mount', blocks(VOLUME_MOUNT)),
    omitEmpty(p('CSIPluginConfig', 'csi_plugin', block(CSI_PLUGIN))),
    v('Leader', 'leader', 'bool'),
    v('ShutdownDelay', 'shutdown_delay', 'duration'),
    v('KillSignal', 'kill_signal', 'string'),
    v('Kind', 'kind', 'string'),
    server('ScalingPolicies'), // filled from `scaling` blocks by decode-task-extras.ts
    v('Secrets', 'secret', labeled(SECRET)),
    server('Identity'),
    v('Identities', 'identity', blocks(IDENTITY)),
    v('Actions', 'action', labeled(ACTION)),
    p('Schedule', 'schedule', block(SCHEDULE)),
  ],
  { extra: ['scaling'], after: applyTaskExtras },
);
