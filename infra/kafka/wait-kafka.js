// Readiness probe: an open port is not enough, the broker must answer a metadata request.
// Usage: node wait-kafka.js <host:port> [timeoutMs] [brokerPid]
// With brokerPid, gives up at once when that process has exited.
const { Kafka, logLevel } = require('kafkajs');

const [broker, timeoutArg = '60000', pidArg] = process.argv.slice(2);
if (!broker) {
  console.error('usage: node wait-kafka.js <host:port> [timeoutMs] [brokerPid]');
  process.exit(2);
}
const deadline = Date.now() + Number(timeoutArg);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

(async () => {
  let lastError = 'no broker in metadata';
  for (;;) {
    const admin = new Kafka({
      brokers: [broker],
      logLevel: logLevel.NOTHING,
      connectionTimeout: 1000,
      retry: { retries: 0 },
    }).admin();
    try {
      await admin.connect();
      const cluster = await admin.describeCluster();
      if (cluster.brokers.length > 0) {
        await admin.disconnect();
        console.error(`kafka ready at ${broker} (controller ${cluster.controller})`);
        process.exit(0);
      }
    } catch (e) {
      lastError = e.message;
    }
    await admin.disconnect().catch(() => undefined);
    if (pidArg && !alive(Number(pidArg))) {
      console.error(`kafka process ${pidArg} exited before it was ready`);
      process.exit(1);
    }
    if (Date.now() > deadline) {
      console.error(`kafka not ready at ${broker} after ${timeoutArg} ms: ${lastError}`);
      process.exit(1);
    }
    await sleep(250);
  }
})();
