import { toNodeStub } from './node-stub';

const node = {
  ID: 'n1',
  Name: 'sim-0',
  Datacenter: 'dc1',
  NodePool: 'default',
  Status: 'ready',
  HTTPAddr: '10.0.0.5:4646',
  Attributes: {
    'nomad.version': '1.10.0',
    'driver.docker': '1',
    'driver.qemu': '0',
    'os.name': 'ubuntu',
  },
  NodeResources: { Memory: { MemoryMB: 8192 } },
  CreateIndex: 3,
  ModifyIndex: 4,
};

describe("toNodeStub (Nomad's Node.Stub)", () => {
  it('keeps the list fields, derives Version, Address and Drivers; no attributes or resources by default', () => {
    const stub = toNodeStub(node, false, false);
    expect(stub).toMatchObject({
      ID: 'n1',
      Address: '10.0.0.5',
      Version: '1.10.0',
      Status: 'ready',
      Attributes: null,
      NodeResources: null,
      CreateIndex: 3,
      ModifyIndex: 4,
    });
    expect(stub['Drivers']).toMatchObject({
      docker: { Detected: true, Healthy: true },
      qemu: { Detected: false, Healthy: false },
    });
  });

  it('os=true adds os.name, resources=true the node resources', () =>
    expect(toNodeStub(node, true, true)).toMatchObject({
      Attributes: { 'os.name': 'ubuntu' },
      NodeResources: { Memory: { MemoryMB: 8192 } },
    }));
});
