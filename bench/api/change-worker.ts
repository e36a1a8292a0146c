import { Worker } from 'node:worker_threads';

// The change that wakes the waiters is sent from a worker thread: the main thread is about to
// receive thousands of responses, and timing the change's response on that busy event loop
// would push it behind them. Times are epoch milliseconds (timeOrigin + now), comparable
// across threads.

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const now = () => performance.timeOrigin + performance.now();
const sentAt = now();
const req = http.request(workerData.url, { method: 'PUT', headers: { 'content-type': 'application/json' } }, (res) => {
  res.resume();
  res.on('end', () => parentPort.postMessage({ sentAt, respondedAt: now(), status: res.statusCode }));
});
req.on('error', (error) => parentPort.postMessage({ sentAt, error: String(error) }));
req.end(workerData.body);
`;

export interface ChangeTiming {
  sentAt: number;
  respondedAt: number;
}

export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

export async function sendChange(url: string, body: string): Promise<ChangeTiming> {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { url, body } });
  try {
    const message = await new Promise<{
      sentAt: number;
      respondedAt?: number;
      status?: number;
      error?: string;
    }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    if (message.respondedAt === undefined || message.status !== 200)
      throw new Error(`the change failed: ${message.error ?? `status ${message.status}`}`);
    return { sentAt: message.sentAt, respondedAt: message.respondedAt };
  } finally {
    await worker.terminate();
  }
}
