import { connect, type Socket } from 'node:net';
import { epochNow } from './change-worker';

// Thousands of parked blocking queries, one raw TCP connection each. A raw socket keeps the
// client's cost per response to one 'data' event and a regex, so that the wake-up latency we
// measure is mostly the server's; the baseline pays the same client cost.

export interface Waiter {
  socket: Socket;
  /** epoch ms (timeOrigin + now) at the first byte of the response */
  respondedAt?: number;
  status?: number;
  index?: number;
  error?: Error;
}

export async function openWaiters(port: number, paths: string[], batch = 250): Promise<Waiter[]> {
  const waiters: Waiter[] = [];
  for (let i = 0; i < paths.length; i += batch) {
    // Batches keep the connects under the listen backlog (Node's default is 511).
    const opened = paths.slice(i, i + batch).map((path) => openWaiter(port, path));
    waiters.push(...(await Promise.all(opened)));
  }
  return waiters;
}

function openWaiter(port: number, path: string): Promise<Waiter> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1', noDelay: true });
    const waiter: Waiter = { socket };
    socket.once('connect', () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
      resolve(waiter);
    });
    socket.once('data', (chunk: Buffer) => {
      waiter.respondedAt = epochNow();
      const head = chunk.toString('latin1', 0, Math.min(chunk.length, 2048));
      waiter.status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      const index = /\r\nx-nomad-index: *(\d+)/i.exec(head)?.[1];
      waiter.index = index === undefined ? undefined : Number(index);
    });
    socket.on('error', (error) => {
      waiter.error = error;
      reject(error);
    });
  });
}

/** Resolves once every waiter has a response (or an error), or at the timeout. */
export async function allResponded(waiters: Waiter[], timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (waiters.every((w) => w.respondedAt !== undefined || w.error !== undefined)) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

export function closeWaiters(waiters: Waiter[]): void {
  for (const w of waiters) w.socket.destroy();
}
