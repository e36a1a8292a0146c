import { assertNever, type Decider } from '@caravan/domain/shared';
import type { NodeEvent, NodeSpec, NodeStatus } from './node.events';

// A client node's stream. Registration is idempotent: a node that restarts registers again and
// only comes back to `ready` if it was not; a node already ready produces no event.

export type NodeCommand =
  | { type: 'RegisterNode'; node: NodeSpec; nowSeconds: number }
  | { type: 'ChangeNodeStatus'; nodeId: string; status: NodeStatus; nowSeconds: number };

export type NodeState = { phase: 'absent' } | { phase: 'registered'; status: NodeStatus };

export const nodeDecider: Decider<NodeCommand, NodeEvent, NodeState> = {
  initialState: () => ({ phase: 'absent' }),

  decide(command, state) {
    switch (command.type) {
      case 'RegisterNode':
        if (state.phase === 'absent') {
          return [{ type: 'NodeRegistered', data: { node: { ...command.node, Status: 'ready' } } }];
        }
        return statusChange(command.node.ID, state.status, 'ready', command.nowSeconds);
      case 'ChangeNodeStatus':
        if (state.phase === 'absent') return [];
        return statusChange(command.nodeId, state.status, command.status, command.nowSeconds);
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'NodeRegistered':
        return { phase: 'registered', status: 'ready' };
      case 'NodeStatusChanged':
        return state.phase === 'absent' ? state : { ...state, status: event.data.status };
      default:
        return assertNever(event);
    }
  },
};

function statusChange(nodeId: string, from: NodeStatus, to: NodeStatus, now: number): NodeEvent[] {
  if (from === to) return [];
  return [{ type: 'NodeStatusChanged', data: { nodeId, status: to, statusUpdatedAt: now } }];
}

export function nodeStream(nodeId: string): { id: string; category: string; partitionKey: string } {
  return { id: `node-${nodeId}`, category: 'node', partitionKey: `node/${nodeId}` };
}
