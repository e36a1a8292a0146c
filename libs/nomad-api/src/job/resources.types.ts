// Task resources and networks (Nomad's structs.Resources / NetworkResource).
import type { Affinity, Constraint } from './constraint.types';

export interface Port {
  Label: string;
  Value: number;
  To: number;
  HostNetwork: string;
  IgnoreCollision: boolean;
}

export interface DNSConfig {
  Servers: string[] | null;
  Searches: string[] | null;
  Options: string[] | null;
}

export interface CNIConfig {
  Args: Record<string, string> | null;
}

export interface NetworkResource {
  Mode: string;
  Device: string;
  CIDR: string;
  IP: string;
  Hostname: string;
  MBits: number;
  DNS: DNSConfig | null;
  ReservedPorts: Port[] | null;
  DynamicPorts: Port[] | null;
  CNI: CNIConfig | null;
}

export interface RequestedDevice {
  Name: string;
  Count: number;
  Constraints: Constraint[] | null;
  Affinities: Affinity[] | null;
}

export interface NUMA {
  Affinity: string;
  Devices: string[] | null;
}

export interface Resources {
  CPU: number;
  Cores: number;
  MemoryMB: number;
  MemoryMaxMB: number;
  DiskMB: number;
  /** Deprecated in Nomad; only kept so old specs round-trip. */
  IOPS: number;
  Networks: NetworkResource[] | null;
  Devices: RequestedDevice[] | null;
  NUMA: NUMA | null;
  SecretsMB: number;
}
