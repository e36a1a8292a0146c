// The container HEALTHCHECK (Dockerfile, docker-compose.yml):
//   node dist/libs/config/src/healthcheck.js
// It reads the same environment as the app (APP selects which), so the probe always calls the
// port the app really listens on. Slim images have no curl; Node's fetch does the job.
// Exit 0 = healthy, 1 = unhealthy (the only codes Docker defines).
import { healthUrl } from './health-probe';
import { isAppName, loadConfig } from './load-config';

const TIMEOUT_MS = 2500;

async function probe(): Promise<number> {
  const app = process.env.APP ?? '';
  if (!isAppName(app)) {
    process.stderr.write(`healthcheck: APP is not a Caravan app: "${app}"\n`);
    return 1;
  }
  const url = healthUrl(loadConfig(app));
  const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (response.ok) return 0;
  process.stderr.write(`healthcheck: ${url} answered ${response.status}\n`);
  return 1;
}

probe().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `healthcheck: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  },
);
