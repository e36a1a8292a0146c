import type { NodeSpec } from './node.events';

/**
 * The node a simulator reports as its `ordinal`-th client. The id is derived from the simulator's
 * id, so a restarted simulator registers the same nodes again instead of new ones.
 * `idFromSeed` turns a seed string into a UUID (a hash; the domain has no crypto of its own).
 */
export function simulatedNode(
  simulatorId: string,
  ordinal: number,
  datacenter: string,
  idFromSeed: (seed: string) => string,
): NodeSpec {
  const id = idFromSeed(`${simulatorId}/${ordinal}`);
  return {
    ID: id,
    Name: `${simulatorId}-${ordinal}`,
    Datacenter: datacenter,
    NodePool: 'default',
    NodeClass: '',
    Status: 'initializing',
    SchedulingEligibility: 'eligible',
    Drain: false,
    Attributes: {
      'kernel.name': 'linux',
      'cpu.arch': 'amd64',
      'driver.docker': '1',
      'driver.exec': '1',
      'driver.raw_exec': '1',
      'nomad.version': '1.10.0',
      'unique.hostname': `${simulatorId}-${ordinal}`,
    },
    Meta: { simulator: simulatorId },
    NodeResources: {
      Cpu: { CpuShares: 4000, TotalCpuCores: 4 },
      Memory: { MemoryMB: 8192 },
      Disk: { DiskMB: 102400 },
      Networks: [
        {
          Mode: 'host',
          Device: 'eth0',
          CIDR: `10.0.${ordinal % 256}.1/32`,
          IP: `10.0.${ordinal % 256}.1`,
          MBits: 1000,
        },
      ],
      MinDynamicPort: 20000,
      MaxDynamicPort: 32000,
    },
    HTTPAddr: `10.0.${ordinal % 256}.1:4646`,
  };
}
