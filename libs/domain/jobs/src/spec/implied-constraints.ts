// Nomad's "constraints" admission mutator: constraints a job implies by what it uses. These
// show up in GET /v1/job/:id and in scheduling, so Caravan adds the same ones.
import type { Constraint, Service, Task, TaskGroup } from '@caravan/nomad-api';

const semver = (LTarget: string, RTarget: string): Constraint => ({
  LTarget,
  RTarget,
  Operand: 'semver',
});

const NSD = { LTarget: '${attr.nomad.service_discovery}', RTarget: 'true', Operand: '=' };
const NSD_CHECKS = semver('${attr.nomad.version}', '>= 1.4.0');
const CNI_BRIDGE = ['bridge', 'firewall', 'host-local', 'loopback', 'portmap'].map((p) =>
  semver(`\${attr.plugins.cni.version.${p}}`, '>= 0.4.0'),
);

/** Adds the implied constraints to every group (and task, for task-level Consul services). */
export function addImpliedConstraints(groups: TaskGroup[]): void {
  for (const tg of groups) {
    const tasks = tg.Tasks ?? [];
    const vaultTasks = tasks
      .filter((t) => t.Vault)
      .sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0));
    for (const task of vaultTasks) addByLeft(tg, vaultConstraint(task.Vault?.Cluster ?? ''));
    const signals = requiredSignals(tasks);
    if (signals.length > 0) {
      addFull(tg, {
        LTarget: '${attr.os.signals}',
        RTarget: signals.join(','),
        Operand: 'set_contains',
      });
    }
    const allServices = [...(tg.Services ?? []), ...tasks.flatMap((t) => t.Services ?? [])];
    const nomadServices = allServices.filter((s) => s.Provider === 'nomad');
    if (nomadServices.length > 0) addFull(tg, NSD);
    if (nomadServices.some((s) => (s.Checks ?? []).length > 0)) addFull(tg, NSD_CHECKS);
    if (allServices.some(isConsul)) {
      for (const s of (tg.Services ?? []).filter(isConsul)) addByLeft(tg, consulConstraint(s));
      for (const task of tasks) {
        for (const s of (task.Services ?? []).filter(isConsul))
          addByLeft(task, consulConstraint(s));
      }
    }
    if ((tg.Networks ?? []).some((n) => n.Mode === 'bridge')) {
      for (const c of CNI_BRIDGE) addByLeft(tg, c);
    }
  }
}

function isConsul(s: Service): boolean {
  return s.Provider === 'consul' || s.Provider === '';
}

function vaultConstraint(cluster: string): Constraint {
  return cluster !== 'default' && cluster !== ''
    ? semver(`\${attr.vault.${cluster}.version}`, '>= 1.11.0')
    : semver('${attr.vault.version}', '>= 0.6.1');
}

function consulConstraint(s: Service): Constraint {
  return s.Cluster !== 'default' && s.Cluster !== ''
    ? semver(`\${attr.consul.${s.Cluster}.version}`, '>= 1.8.0')
    : semver('${attr.consul.version}', '>= 1.8.0');
}

/** Signals the client must support: kill signals and signal change modes, sorted, unique. */
function requiredSignals(tasks: Task[]): string[] {
  const signals = new Set<string>();
  for (const task of tasks) {
    if (task.Vault?.ChangeMode === 'signal') signals.add(task.Vault.ChangeSignal);
    if (task.KillSignal !== '') signals.add(task.KillSignal);
    for (const t of task.Templates ?? [])
      if (t.ChangeMode === 'signal') signals.add(t.ChangeSignal);
  }
  return [...signals].sort();
}

type HasConstraints = { Constraints: Constraint[] | null };

function addFull(target: HasConstraints, c: Constraint): void {
  const list = target.Constraints ?? [];
  if (
    !list.some((x) => x.LTarget === c.LTarget && x.RTarget === c.RTarget && x.Operand === c.Operand)
  ) {
    target.Constraints = [...list, { ...c }];
  }
}

function addByLeft(target: HasConstraints, c: Constraint): void {
  const list = target.Constraints ?? [];
  if (!list.some((x) => x.LTarget === c.LTarget)) target.Constraints = [...list, { ...c }];
}
