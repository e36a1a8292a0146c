import { createHash, randomUUID } from 'node:crypto';
import { decideAndAppend, type PostgresEventStore } from '@caravan/event-store';
import { nodeDecider, nodeStream, simulatedNode, type NodeSpec } from '@caravan/domain/nodes';
import { AllocationRunner } from './client/allocation-runner';

export interface NodeSimulatorOptions {
  simulatorId: string;
  nodeCount: number;
  datacenter: string;
  /** how often client status updates are batched and sent (Nomad clients batch them too) */
  tickMs?: number;
  onError?: (error: unknown) => void;
  /** adjusts each node before it registers (a bigger node, another class); tests and tools */
  shape?: (node: NodeSpec) => NodeSpec;
}

/**
 * Stands in for Nomad clients: registers `nodeCount` nodes on start, then moves the
 * allocations placed on them through client states (AllocationRunner).
 */
export class NodeSimulator {
  readonly nodes: NodeSpec[];
  private runner: AllocationRunner | undefined;

  constructor(
    private readonly store: PostgresEventStore,
    private readonly options: NodeSimulatorOptions,
  ) {
    const shape = options.shape ?? ((node: NodeSpec) => node);
    this.nodes = Array.from({ length: options.nodeCount }, (_, k) =>
      shape(simulatedNode(options.simulatorId, k, options.datacenter, uuidFromSeed)),
    );
  }

  /** Registers the nodes; with `runAllocations` false only that (a registration-only test). */
  async start(runAllocations = true): Promise<void> {
    const nowSeconds = Math.floor(Date.now() / 1000);
    for (const node of this.nodes) {
      await decideAndAppend(
        this.store,
        nodeStream(node.ID),
        nodeDecider,
        { type: 'RegisterNode', node, nowSeconds },
        { newEventId: randomUUID, metadata: { actor: 'node-simulator' } },
      );
    }
    if (!runAllocations) return;
    this.runner = new AllocationRunner(this.store, {
      nodeIds: this.nodes.map((n) => n.ID),
      tickMs: this.options.tickMs,
      onError: this.options.onError,
    });
    await this.runner.start();
  }

  async stop(): Promise<void> {
    await this.runner?.stop();
  }
}

/** A name-based UUID (version 5 layout over SHA-256 bytes): the same seed, the same node id. */
function uuidFromSeed(seed: string): string {
  const bytes = createHash('sha256').update(`caravan-node:${seed}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
