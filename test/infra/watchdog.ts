import { spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * Starts watchdog.sh for `command`: it runs the command if this process dies without a teardown.
 * Returns a function that cancels the watchdog.
 */
export function startWatchdog(command: string[]): () => void {
  const child = spawn('bash', [join(__dirname, 'watchdog.sh'), String(process.pid), ...command], {
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
  return () => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGTERM'); // its whole process group: bash and its `sleep`
    } catch {
      // already gone
    }
  };
}
