import { foldEvents } from '../projection/fold-events';
import { recorded } from '../projection/recorded-event.fixture';
import type { NodeRow } from './node.row';
import { nodesProjection } from './nodes.projection';

const node = {
  ID: 'f7476465-4d6e-c0de-26d0-e383c49be941',
  Name: 'client-1',
  Datacenter: 'dc1',
  NodePool: 'default',
  Status: 'ready',
  Attributes: { 'kernel.name': 'linux' },
};

function rows(...events: ReturnType<typeof recorded>[]): NodeRow[] {
  return [...foldEvents(nodesProjection, events).values()];
}

describe('nodes projection', () => {
  it('given a registered node, a row with its columns and the full node', () => {
    expect(rows(recorded(11, 'NodeRegistered', { node }))).toEqual([
      {
        id: node.ID,
        name: 'client-1',
        datacenter: 'dc1',
        nodePool: 'default',
        status: 'ready',
        createIndex: 11,
        modifyIndex: 11,
        node: { ...node, CreateIndex: 11, ModifyIndex: 11 },
        lastIndex: 11,
      },
    ]);
  });

  it('defaults pool, datacenter and status when the node leaves them out', () => {
    expect(rows(recorded(1, 'NodeRegistered', { node: { ID: 'n1' } }))[0]).toMatchObject({
      name: 'n1',
      nodePool: 'default',
      datacenter: 'dc1',
      status: 'initializing',
    });
  });

  it('a status change updates the column, the JSON and ModifyIndex only', () => {
    const [row] = rows(
      recorded(1, 'NodeRegistered', { node }),
      recorded(4, 'NodeStatusChanged', {
        nodeId: node.ID,
        status: 'down',
        statusUpdatedAt: 1732608000,
      }),
    );
    expect(row).toMatchObject({ status: 'down', createIndex: 1, modifyIndex: 4, lastIndex: 4 });
    expect(row!.node).toMatchObject({
      Status: 'down',
      StatusUpdatedAt: 1732608000,
      ModifyIndex: 4,
      CreateIndex: 1,
    });
  });

  it('a re-registration keeps CreateIndex', () => {
    const [row] = rows(
      recorded(2, 'NodeRegistered', { node }),
      recorded(6, 'NodeRegistered', { node: { ...node, Name: 'client-1b' } }),
    );
    expect(row).toMatchObject({ name: 'client-1b', createIndex: 2, modifyIndex: 6 });
  });

  it('a status change for an unknown node creates nothing', () => {
    expect(rows(recorded(1, 'NodeStatusChanged', { nodeId: 'ghost', status: 'down' }))).toEqual([]);
  });

  it('a replayed event is a no-op', () => {
    const down = recorded(3, 'NodeStatusChanged', { nodeId: node.ID, status: 'down' });
    const ready = recorded(4, 'NodeStatusChanged', { nodeId: node.ID, status: 'ready' });
    expect(rows(recorded(1, 'NodeRegistered', { node }), down, ready, down)[0]).toMatchObject({
      status: 'ready',
    });
  });
});
