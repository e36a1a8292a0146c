import type { NomadNodeJson } from '@caravan/read-models';

// Nomad's Node.Stub(): what GET /v1/nodes lists. Attributes only with `os=true`, resources
// only with `resources=true`, as in Nomad.

type Loose = Record<string, unknown>;

function drivers(attributes: Loose): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(attributes)) {
    const m = /^driver\.([^.]+)$/.exec(name);
    if (m === null) continue;
    const healthy = value === '1' || value === 'true';
    out[m[1]!] = {
      Attributes: null,
      Detected: healthy,
      Healthy: healthy,
      HealthDescription: healthy ? 'Healthy' : '',
      UpdateTime: '0001-01-01T00:00:00Z',
    };
  }
  return out;
}

export function toNodeStub(node: NomadNodeJson, os: boolean, resources: boolean): Loose {
  const attributes = (node['Attributes'] ?? {}) as Loose;
  return {
    Address: (node['HTTPAddr'] as string | undefined)?.split(':')[0] ?? '',
    ID: node.ID,
    Attributes: os ? { 'os.name': attributes['os.name'] ?? '' } : null,
    Datacenter: node.Datacenter ?? '',
    Name: node.Name ?? '',
    NodeClass: node['NodeClass'] ?? '',
    NodePool: node.NodePool ?? 'default',
    Version: attributes['nomad.version'] ?? '',
    Drain: node['Drain'] ?? false,
    SchedulingEligibility: node['SchedulingEligibility'] ?? 'eligible',
    Status: node.Status ?? '',
    StatusDescription: node['StatusDescription'] ?? '',
    Drivers: drivers(attributes),
    HostVolumes: null,
    NodeResources: resources ? (node['NodeResources'] ?? null) : null,
    ReservedResources: resources ? (node['ReservedResources'] ?? null) : null,
    LastDrain: null,
    CreateIndex: node['CreateIndex'] ?? 0,
    ModifyIndex: node['ModifyIndex'] ?? 0,
  };
}
