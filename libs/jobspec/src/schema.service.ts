// service and check blocks (api/services.go). Consul Connect is passed through best-effort.

import { block, blocks, p, struct, v } from './schema.types';

const CHECK_RESTART = struct('CheckRestart', [
  v('Limit', 'limit', 'int'),
  p('Grace', 'grace', 'duration'),
  v('IgnoreWarnings', 'ignore_warnings', 'bool'),
]);

export const IDENTITY = struct('WorkloadIdentity', [
  v('Name', 'name', 'string'),
  v('Audience', 'aud', 'strings'),
  v('ChangeMode', 'change_mode', 'string'),
  v('ChangeSignal', 'change_signal', 'string'),
  v('Env', 'env', 'bool'),
  v('File', 'file', 'bool'),
  v('Filepath', 'filepath', 'string'),
  v('ServiceName', 'service_name', 'string'),
  v('TTL', 'ttl', 'duration'),
  v('ExtraClaims', 'extra_claims', 'strings'),
]);

const CHECK = struct('ServiceCheck', [
  v('Name', 'name', 'string'),
  v('Type', 'type', 'string'),
  v('Command', 'command', 'string'),
  v('Args', 'args', 'strings'),
  v('Path', 'path', 'string'),
  v('Protocol', 'protocol', 'string'),
  v('PortLabel', 'port', 'string'),
  v('Expose', 'expose', 'bool'),
  v('AddressMode', 'address_mode', 'string'),
  v('Advertise', 'advertise', 'string'),
  v('Interval', 'interval', 'duration'),
  v('Timeout', 'timeout', 'duration'),
  v('InitialStatus', 'initial_status', 'string'),
  v('Notes', 'notes', 'string'),
  v('TLSServerName', 'tls_server_name', 'string'),
  v('TLSSkipVerify', 'tls_skip_verify', 'bool'),
  v('Header', 'header', 'stringListMap'),
  v('Method', 'method', 'string'),
  p('CheckRestart', 'check_restart', block(CHECK_RESTART)),
  v('GRPCService', 'grpc_service', 'string'),
  v('GRPCUseTLS', 'grpc_use_tls', 'bool'),
  v('TaskName', 'task', 'string'),
  v('SuccessBeforePassing', 'success_before_passing', 'int'),
  v('FailuresBeforeCritical', 'failures_before_critical', 'int'),
  v('FailuresBeforeWarning', 'failures_before_warning', 'int'),
  v('Body', 'body', 'string'),
  v('OnUpdate', 'on_update', 'string'),
]);

const WEIGHTS = struct('ServiceWeights', [
  v('Passing', 'passing', 'int'),
  v('Warning', 'warning', 'int'),
]);

export const SERVICE = struct('Service', [
  v('Name', 'name', 'string'),
  v('Tags', 'tags', 'strings'),
  v('CanaryTags', 'canary_tags', 'strings'),
  v('EnableTagOverride', 'enable_tag_override', 'bool'),
  v('PortLabel', 'port', 'string'),
  v('AddressMode', 'address_mode', 'string'),
  v('Address', 'address', 'string'),
  v('Checks', 'check', blocks(CHECK)),
  p('CheckRestart', 'check_restart', block(CHECK_RESTART)),
  p('Connect', 'connect', 'raw'),
  v('Meta', 'meta', 'stringMap'),
  v('CanaryMeta', 'canary_meta', 'stringMap'),
  v('TaggedAddresses', 'tagged_addresses', 'stringMap'),
  v('TaskName', 'task', 'string'),
  v('OnUpdate', 'on_update', 'string'),
  p('Identity', 'identity', block(IDENTITY)),
  p('Weights', 'weights', block(WEIGHTS)),
  v('Provider', 'provider', 'string'),
  v('Cluster', 'cluster', 'string'),
  v('Kind', 'kind', 'string'),
]);

export const CONSUL = struct('Consul', [
  v('Namespace', 'namespace', 'string'),
  v('Cluster', 'cluster', 'string'),
  v('Partition', 'partition', 'string'),
]);
