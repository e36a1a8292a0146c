// jobspec2's normalizeJob: the defaults the HCL2 parser itself applies (these are not
// Canonicalize; they appear in /v1/jobs/parse output even with Canonicalize false).

import type { ApiObject } from './decode';

const FIVE_SECONDS = 5_000_000_000;

const list = (v: unknown): ApiObject[] => (Array.isArray(v) ? (v as ApiObject[]) : []);

export function normalizeVault(vault: unknown): void {
  if (vault === null || typeof vault !== 'object') return;
  const v = vault as ApiObject;
  if (v['Env'] === null) v['Env'] = true;
  if (v['ChangeMode'] === null) v['ChangeMode'] = 'restart';
}

/** `port` blocks with a static value are reserved ports; the rest stay dynamic. */
function normalizeNetworkPorts(networks: unknown): void {
  for (const n of list(networks)) {
    const ports = list(n['DynamicPorts']);
    if (ports.length === 0) continue;
    const reserved = ports.filter((p) => (p['Value'] as number) > 0);
    const dynamic = ports.filter((p) => !((p['Value'] as number) > 0));
    n['DynamicPorts'] = dynamic.length === 0 ? null : dynamic;
    n['ReservedPorts'] = reserved.length === 0 ? null : reserved;
  }
}

function normalizeTemplates(templates: unknown): void {
  for (const t of list(templates)) {
    t['ChangeMode'] ??= 'restart';
    t['Perms'] ??= '0644';
    t['Splay'] ??= FIVE_SECONDS;
    t['ErrMissingKey'] ??= false;
    const script = t['ChangeScript'] as ApiObject | null;
    if (script !== null) {
      script['Args'] ??= [];
      script['Timeout'] ??= FIVE_SECONDS;
      script['FailOnError'] ??= false;
    }
  }
}

/**
 * Nomad 1.7 allowed several `identity` blocks per task, but older agents read only
 * Task.Identity; the parser keeps them working by moving the first default identity (no name,
 * or `default`) there. What remains of Identities is a list, empty if that was the only one.
 */
function moveDefaultIdentity(task: ApiObject): void {
  const identities = task['Identities'];
  if (!Array.isArray(identities)) return;
  const list = identities as ApiObject[];
  const at = list.findIndex(
    (id) =>
      id['Name'] === null ||
      id['Name'] === undefined ||
      id['Name'] === '' ||
      id['Name'] === 'default',
  );
  if (at < 0) return;
  task['Identity'] = list[at];
  task['Identities'] = list.filter((_, i) => i !== at);
}

export interface JobExtras {
  readonly id: string;
  readonly vault: ApiObject | null;
  /** Job-level `task` blocks, each already wrapped in a group of its own name. */
  readonly loneTaskGroups: ApiObject[];
}

export function normalizeJob(job: ApiObject, extras: JobExtras): void {
  job['Name'] ??= extras.id;
  job['ID'] ??= extras.id;
  const periodic = job['Periodic'] as ApiObject | null;
  if (periodic !== null && periodic['Spec'] !== null) periodic['SpecType'] = 'cron';
  normalizeVault(extras.vault);
  if (extras.loneTaskGroups.length > 0)
    job['TaskGroups'] = [...extras.loneTaskGroups, ...list(job['TaskGroups'])];
  for (const group of list(job['TaskGroups'])) {
    normalizeNetworkPorts(group['Networks']);
    for (const task of list(group['Tasks'])) {
      const resources = task['Resources'] as ApiObject | null;
      if (resources !== null) normalizeNetworkPorts(resources['Networks']);
      normalizeTemplates(task['Templates']);
      normalizeVault(task['Vault']);
      if (task['Vault'] === null) task['Vault'] = extras.vault;
      moveDefaultIdentity(task);
    }
  }
}
