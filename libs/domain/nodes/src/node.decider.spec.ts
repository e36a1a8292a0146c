import { nodeDecider, type NodeCommand } from './node.decider';
import type { NodeEvent } from './node.events';
import { simulatedNode } from './simulated-node';

const node = simulatedNode('sim', 0, 'dc1', (seed) => `id-${seed}`);

function given(...events: NodeEvent[]) {
  const state = events.reduce(
    (s, e, k) => nodeDecider.evolve(s, e, k + 1),
    nodeDecider.initialState(),
  );
  return { when: (command: NodeCommand) => nodeDecider.decide(command, state) };
}

describe('node decider', () => {
  it('registers a new node as ready', () => {
    expect(given().when({ type: 'RegisterNode', node, nowSeconds: 10 })).toEqual([
      { type: 'NodeRegistered', data: { node: { ...node, Status: 'ready' } } },
    ]);
  });

  it('does nothing when a ready node registers again', () => {
    const registered: NodeEvent = { type: 'NodeRegistered', data: { node } };
    expect(given(registered).when({ type: 'RegisterNode', node, nowSeconds: 10 })).toEqual([]);
  });

  it('brings a down node back to ready when it registers again', () => {
    const events: NodeEvent[] = [
      { type: 'NodeRegistered', data: { node } },
      { type: 'NodeStatusChanged', data: { nodeId: node.ID, status: 'down', statusUpdatedAt: 5 } },
    ];
    expect(given(...events).when({ type: 'RegisterNode', node, nowSeconds: 10 })).toEqual([
      {
        type: 'NodeStatusChanged',
        data: { nodeId: node.ID, status: 'ready', statusUpdatedAt: 10 },
      },
    ]);
  });

  it('ignores status changes of unknown nodes', () => {
    expect(
      given().when({ type: 'ChangeNodeStatus', nodeId: 'x', status: 'down', nowSeconds: 1 }),
    ).toEqual([]);
  });

  it('derives stable ids from the simulator id', () => {
    expect(simulatedNode('sim', 2, 'dc1', (s) => s).ID).toBe('sim/2');
    expect(simulatedNode('sim', 2, 'dc1', (s) => s)).toEqual(
      simulatedNode('sim', 2, 'dc1', (s) => s),
    );
  });
});
