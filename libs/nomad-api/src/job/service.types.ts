// Service registrations and health checks (group or task level).
import type { Nanos, StringMap } from './wire.types';
import type { WorkloadIdentity } from './task.types';

export interface CheckRestart {
  Limit: number;
  Grace: Nanos;
  IgnoreWarnings: boolean;
}

export interface ServiceCheck {
  Name: string;
  Type: string;
  Command: string;
  Args: string[] | null;
  Path: string;
  Protocol: string;
  PortLabel: string;
  Expose: boolean;
  AddressMode: string;
  Interval: Nanos;
  Timeout: Nanos;
  InitialStatus: string;
  Notes: string;
  TLSServerName: string;
  TLSSkipVerify: boolean;
  Method: string;
  Header: Record<string, string[]> | null;
  CheckRestart: CheckRestart | null;
  GRPCService: string;
  GRPCUseTLS: boolean;
  TaskName: string;
  SuccessBeforePassing: number;
  FailuresBeforeCritical: number;
  FailuresBeforeWarning: number;
  Body: string;
  OnUpdate: string;
}

export interface ServiceWeights {
  Passing: number;
  Warning: number;
}

export interface Service {
  Name: string;
  TaskName: string;
  PortLabel: string;
  AddressMode: string;
  Address: string;
  EnableTagOverride: boolean;
  Tags: string[] | null;
  CanaryTags: string[] | null;
  Checks: ServiceCheck[] | null;
  /** Consul Connect is out of scope for Caravan; kept opaque so specs round-trip. */
  Connect: unknown;
  Meta: StringMap | null;
  CanaryMeta: StringMap | null;
  Weights: ServiceWeights | null;
  TaggedAddresses: StringMap | null;
  Namespace: string;
  OnUpdate: string;
  /** `consul` or `nomad`. */
  Provider: string;
  Cluster: string;
  Identity: WorkloadIdentity | null;
  Kind: string;
}
