// resources, network and port blocks (api/resources.go).

import { AFFINITY, CONSTRAINT } from './schema.constraint';
import { block, blocks, label, labeled, p, struct, v } from './schema.types';

export const PORT = struct('Port', [
  label('Label'),
  v('Value', 'static', 'int'),
  v('To', 'to', 'int'),
  v('HostNetwork', 'host_network', 'string'),
  v('IgnoreCollision', 'ignore_collision', 'bool'),
]);

const DNS = struct('DNSConfig', [
  v('Servers', 'servers', 'strings'),
  v('Searches', 'searches', 'strings'),
  v('Options', 'options', 'strings'),
]);

const CNI = struct('CNIConfig', [v('Args', 'args', 'stringMap')]);

export const NETWORK = struct('NetworkResource', [
  v('Mode', 'mode', 'string'),
  v('Device', 'device', 'string'),
  v('CIDR', 'cidr', 'string'),
  v('IP', 'ip', 'string'),
  p('DNS', 'dns', block(DNS)),
  v('ReservedPorts', 'reserved_ports', labeled(PORT)),
  v('DynamicPorts', 'port', labeled(PORT)),
  v('Hostname', 'hostname', 'string'),
  p('MBits', 'mbits', 'int'),
  p('CNI', 'cni', block(CNI)),
]);

const DEVICE = struct('RequestedDevice', [
  label('Name'),
  p('Count', 'count', 'int'),
  v('Constraints', 'constraint', blocks(CONSTRAINT)),
  v('Affinities', 'affinity', blocks(AFFINITY)),
]);

const NUMA = struct('NUMAResource', [
  v('Affinity', 'affinity', 'string'),
  v('Devices', 'devices', 'strings'),
]);

export const RESOURCES = struct('Resources', [
  p('CPU', 'cpu', 'int'),
  p('Cores', 'cores', 'int'),
  p('MemoryMB', 'memory', 'int'),
  p('MemoryMaxMB', 'memory_max', 'int'),
  p('DiskMB', 'disk', 'int'),
  v('Networks', 'network', blocks(NETWORK)),
  v('Devices', 'device', labeled(DEVICE)),
  p('NUMA', 'numa', block(NUMA)),
  p('SecretsMB', 'secrets', 'int'),
  p('IOPS', 'iops', 'int'),
]);
