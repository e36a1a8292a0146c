import { RegistryCommandError, invalidCommand, type RegistryCommand } from '@caravan/contracts';
import { GrpcRegistryClient, GrpcRegistryServer } from '@caravan/rpc';

const command = (type: string, payload: unknown = {}): RegistryCommand => ({
  type,
  payload,
  meta: {
    actor: 'anonymous',
    correlationId: 'c-1',
    commandId: '00000000-0000-4000-8000-000000000001',
    now: 1n,
  },
});

describe('registry over gRPC', () => {
  const servers: GrpcRegistryServer[] = [];
  const clients: GrpcRegistryClient[] = [];
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.close());
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  async function serve(name: string): Promise<number> {
    const server = new GrpcRegistryServer(async (raw) => {
      const cmd = raw as RegistryCommand;
      if (cmd.type === 'Invalid') throw invalidCommand('invalid Invalid payload: id: Required');
      if (cmd.type === 'Refuse')
        throw Object.assign(new Error('job not found'), { code: 'JOB_NOT_FOUND' });
      if (cmd.type === 'Crash') throw new Error('boom');
      return { index: 7, result: { served: name, echo: cmd.payload } };
    });
    servers.push(server);
    return server.listen('127.0.0.1:0');
  }

  function connect(target: string): GrpcRegistryClient {
    const client = new GrpcRegistryClient(target, { timeoutMs: 5000 });
    clients.push(client);
    return client;
  }

  it('carries commands, int64 values and coded refusals', async () => {
    const port = await serve('a');
    const client = connect(`127.0.0.1:${port}`);
    const big = 1_700_000_000_000_000_123n;
    await expect(client.execute(command('Echo', { SubmitTime: big }))).resolves.toEqual({
      index: 7,
      result: { served: 'a', echo: { SubmitTime: big } },
    });
    const refusal = client.execute(command('Refuse'));
    await expect(refusal).rejects.toBeInstanceOf(RegistryCommandError);
    await expect(refusal).rejects.toMatchObject({
      code: 'JOB_NOT_FOUND',
      message: 'job not found',
    });
    await expect(client.execute(command('Crash'))).rejects.toMatchObject({ details: 'boom' });
  });

  it('turns an INVALID_ARGUMENT refusal into the same coded error on both sides', async () => {
    const client = connect(`127.0.0.1:${await serve('a')}`);
    const refusal = client.execute(command('Invalid'));
    await expect(refusal).rejects.toBeInstanceOf(RegistryCommandError);
    await expect(refusal).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: 'invalid Invalid payload: id: Required',
    });
  });

  it('spreads commands over several replicas', async () => {
    // Two replicas on one port is impossible, so the client gets both addresses (ipv4: target).
    const [a, b] = [await serve('a'), await serve('b')];
    const client = connect(`ipv4:127.0.0.1:${a},127.0.0.1:${b}`);
    const served = new Set<string>();
    for (let k = 0; k < 20; k++) {
      const reply = await client.execute(command('Echo'));
      served.add((reply.result as { served: string }).served);
    }
    expect(served).toEqual(new Set(['a', 'b']));
  });
});
