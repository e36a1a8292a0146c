// Task resources and networks, api defaults then server canonicalization.
import type { Affinity, Loose, NetworkResource, Port, Resources } from '@caravan/nomad-api';
import { DEFAULT_AFFINITY_WEIGHT } from './spec.defaults';
import { listAsGiven, nonEmptyList, nonEmptyMap, num, str, bool } from './loose';

export function canonicalizeResources(r: Loose<Resources> | null | undefined): Resources {
  const input = r ?? {};
  // api: CPU defaults to 100 only when Cores is unset too; asking for cores means CPU 0.
  const coresSet = input.Cores !== null && input.Cores !== undefined;
  const devices = nonEmptyList(input.Devices);
  return {
    CPU: input.CPU ?? (coresSet ? 0 : 100),
    Cores: num(input.Cores),
    MemoryMB: input.MemoryMB ?? 300,
    MemoryMaxMB: num(input.MemoryMaxMB),
    // Nomad's api→server conversion never copies task DiskMB (disk lives on the group).
    DiskMB: 0,
    IOPS: num(input.IOPS),
    Networks: canonicalizeNetworks(input.Networks),
    Devices: devices
      ? devices.map((d) => ({
          Name: str(d.Name),
          Count: d.Count ?? 1,
          Constraints: listAsGiven(d.Constraints)?.map(canonicalizeConstraint) ?? null,
          Affinities: listAsGiven(d.Affinities)?.map(canonicalizeAffinity) ?? null,
        }))
      : null,
    NUMA: input.NUMA
      ? { Affinity: str(input.NUMA.Affinity) || 'none', Devices: nonEmptyList(input.NUMA.Devices) }
      : null,
    SecretsMB: num(input.SecretsMB),
  };
}

export function canonicalizeNetworks(
  list: Loose<NetworkResource>[] | null | undefined,
): NetworkResource[] | null {
  const nets = nonEmptyList(list);
  return nets ? nets.map(canonicalizeNetwork) : null;
}

function canonicalizeNetwork(n: Loose<NetworkResource>): NetworkResource {
  return {
    Mode: str(n.Mode),
    Device: str(n.Device),
    CIDR: str(n.CIDR),
    IP: str(n.IP),
    Hostname: str(n.Hostname),
    MBits: num(n.MBits),
    DNS: n.DNS
      ? {
          Servers: listAsGiven(n.DNS.Servers),
          Searches: listAsGiven(n.DNS.Searches),
          Options: listAsGiven(n.DNS.Options),
        }
      : null,
    ReservedPorts: canonicalizePorts(n.ReservedPorts),
    DynamicPorts: canonicalizePorts(n.DynamicPorts),
    CNI: n.CNI ? { Args: nonEmptyMap(n.CNI.Args) } : null,
  };
}

function canonicalizePorts(list: Loose<Port>[] | null | undefined): Port[] | null {
  const ports = nonEmptyList(list);
  return ports
    ? ports.map((p) => ({
        Label: str(p.Label),
        Value: num(p.Value),
        To: num(p.To),
        HostNetwork: str(p.HostNetwork) || 'default',
        IgnoreCollision: bool(p.IgnoreCollision),
      }))
    : null;
}

export function canonicalizeConstraint(
  c: Loose<{ LTarget: string; RTarget: string; Operand: string }>,
) {
  return { LTarget: str(c.LTarget), RTarget: str(c.RTarget), Operand: str(c.Operand) };
}

export function canonicalizeAffinity(a: Loose<Affinity>): Affinity {
  return {
    LTarget: str(a.LTarget),
    RTarget: str(a.RTarget),
    Operand: str(a.Operand),
    Weight: a.Weight ?? DEFAULT_AFFINITY_WEIGHT,
  };
}
