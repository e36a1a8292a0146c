import { IndexGate, IndexGateClosedError, IndexWaitTimeoutError } from './index-gate';

describe('IndexGate (SnapshotMinIndex)', () => {
  afterEach(() => jest.useRealTimers());

  it('resolves at once when the index was already reached', async () => {
    await expect(new IndexGate(5).waitForIndex(5, 10)).resolves.toBe(5);
  });

  it('releases exactly the waiters an advance reaches, lowest first, with the new index', async () => {
    const gate = new IndexGate();
    const settled: string[] = [];
    const at = (n: number) => gate.waitForIndex(n, 1_000).then((i) => settled.push(`${n}@${i}`));
    const waits = [at(3), at(1), at(7), at(2)];
    gate.advance(2);
    await Promise.resolve();
    await Promise.resolve();
    expect(settled).toEqual(['1@2', '2@2']);
    expect(gate.waiting).toBe(2);
    gate.advance(7);
    await Promise.all(waits);
    expect(settled).toEqual(['1@2', '2@2', '3@7', '7@7']);
  });

  it('never moves backwards', () => {
    const gate = new IndexGate(9);
    gate.advance(4);
    expect(gate.index).toBe(9);
  });

  it('times out with what it reached', async () => {
    jest.useFakeTimers();
    const gate = new IndexGate(1);
    const wait = gate.waitForIndex(4, 50);
    gate.advance(3);
    jest.advanceTimersByTime(50);
    await expect(wait).rejects.toEqual(new IndexWaitTimeoutError(4, 3, 50));
    gate.advance(4); // the timed-out waiter is not settled twice
  });

  it('rejects waiters when closed', async () => {
    const gate = new IndexGate();
    const wait = gate.waitForIndex(1, 1_000);
    gate.close();
    await expect(wait).rejects.toBeInstanceOf(IndexGateClosedError);
    await expect(gate.waitForIndex(1, 10)).rejects.toBeInstanceOf(IndexGateClosedError);
  });
});
