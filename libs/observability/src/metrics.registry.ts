import { collectDefaultMetrics, Registry } from 'prom-client';

let processRegistry: Registry | undefined;

/**
 * The process-wide registry. The first caller names the app (the `app` default label);
 * in embedded mode every app shares one process and therefore one registry and label.
 */
export function getMetricsRegistry(app: string): Registry {
  if (processRegistry === undefined) {
    const registry = new Registry();
    registry.setDefaultLabels({ app });
    collectDefaultMetrics({ register: registry });
    processRegistry = registry;
  }
  return processRegistry;
}
