// Nomad's TaskGroup.validateServices, validateScriptChecksInGroupServices and the task-level
// validateServices (duplicates, address modes, port labels that must exist).
import type { NetworkResource, Task, TaskGroup } from '@caravan/nomad-api';
import { goQuote, nested } from './go-format';
import { requiresPort } from './validate-check';
import { portsOf } from './validate-network';
import { validateService } from './validate-service';

export function validateGroupServices(tg: TaskGroup): string[] {
  const errs: string[] = [];
  const tasks = new Set<string>();
  const ids = new Set<string>();
  const duplicates = new Set<string>();
  const providers = new Set<string>();
  const track = (name: string, owner: string, port: string, provider: string): void => {
    const id = `${owner}->${name}${port === '' ? '' : `:${port}`}`;
    if (ids.has(id)) duplicates.add(id);
    ids.add(id);
    providers.add(provider);
  };
  for (const task of tg.Tasks ?? []) {
    tasks.add(task.Name);
    for (const s of task.Services ?? []) {
      if (s.TaskName !== '' && s.TaskName !== task.Name) {
        errs.push(
          `Service ${s.Name} is invalid: may only specify task the service belongs to, got ${goQuote(s.TaskName)}`,
        );
      }
      for (const c of s.Checks ?? []) {
        if (c.TaskName !== '' && c.TaskName !== task.Name) {
          errs.push(
            `Check ${c.Name} is invalid: may only specify task the check belongs to, got ${goQuote(c.TaskName)}`,
          );
        }
      }
      track(s.Name, task.Name, s.PortLabel, s.Provider);
    }
  }
  (tg.Services ?? []).forEach((s, i) => {
    track(s.Name, 'group', s.PortLabel, s.Provider);
    const inner = validateService(s);
    if (inner.length > 0) {
      errs.push(`Service[${i}] ${s.Name} validation failed: ${nested(inner)}`);
      return;
    }
    if (s.AddressMode === 'driver') {
      errs.push(
        `service ${goQuote(s.Name)} cannot use address_mode="driver", only services defined in a "task" block can use this mode`,
      );
    }
    for (const c of s.Checks ?? []) {
      if (c.TaskName === '') continue;
      // Nomad names the service, not the check, in this message.
      if (c.AddressMode === 'driver') {
        errs.push(
          `Check ${goQuote(s.Name)} invalid: cannot use address_mode="driver", only checks defined in a "task" service block can use this mode`,
        );
      }
      if (!tasks.has(c.TaskName))
        errs.push(`Check ${c.Name} invalid: refers to non-existent task ${c.TaskName}`);
    }
  });
  if (duplicates.size > 0)
    errs.push(`Services are not unique: [${[...duplicates].sort().join(' ')}]`);
  if (providers.size > 1) {
    errs.push('Multiple service providers used: task group services must use the same provider');
  }
  return errs;
}

export function validateGroupScriptChecks(tg: TaskGroup): string[] {
  const errs: string[] = [];
  for (const s of tg.Services ?? []) {
    if (s.TaskName !== '') continue;
    for (const c of s.Checks ?? []) {
      if (c.Type === 'script' && c.TaskName === '') {
        errs.push(`Service [${tg.Name}]->${s.Name} or Check ${c.Name} must specify task parameter`);
      }
    }
  }
  return errs;
}

export function validateTaskServices(t: Task, groupNetworks: NetworkResource[] | null): string[] {
  const errs: string[] = [];
  const servicePorts = new Map<string, Set<string>>();
  const addPort = (label: string, service: string): void => {
    servicePorts.set(label, (servicePorts.get(label) ?? new Set()).add(service));
  };
  const known = new Set<string>();
  (t.Services ?? []).forEach((s, i) => {
    const inner = validateService(s);
    if (inner.length > 0)
      errs.push(`service[${i}] ${asciiQuote(s.Name)} validation failed: ${nested(inner)}`);
    for (const mode of ['alloc', 'alloc_ipv6']) {
      if (s.AddressMode === mode) {
        errs.push(
          `service ${goQuote(s.Name)} cannot use address_mode="${mode}", only services defined in a "group" block can use this mode`,
        );
      }
    }
    if (known.has(s.Name + s.PortLabel)) errs.push(`service ${goQuote(s.Name)} is duplicate`);
    known.add(s.Name + s.PortLabel);
    if (s.PortLabel !== '' && !(s.AddressMode === 'driver' && isGoInt(s.PortLabel)))
      addPort(s.PortLabel, s.Name);
    if (s.Connect !== null && s.Connect !== undefined) {
      errs.push(
        `service ${goQuote(s.Name)} cannot have "connect" block, only services defined in a "group" block can`,
      );
    }
    const checks = new Set<string>();
    for (const c of s.Checks ?? []) {
      if (checks.has(c.Name)) errs.push(`check ${goQuote(c.Name)} is duplicate`);
      checks.add(c.Name);
      for (const mode of ['alloc', 'alloc_ipv6']) {
        // Nomad names the service, not the check, in this message.
        if (c.AddressMode === mode) {
          errs.push(
            `check ${goQuote(s.Name)} cannot use address_mode="${mode}", only checks defined in a "group" service block can use this mode`,
          );
        }
      }
      if (!requiresPort(c)) continue;
      const port = c.PortLabel !== '' ? c.PortLabel : s.PortLabel;
      if (port === '') {
        errs.push(`check ${goQuote(c.Name)} is missing a port`);
        continue;
      }
      if (isGoInt(port)) {
        const value = Number.parseInt(port, 10);
        if (c.AddressMode !== 'driver') {
          errs.push(
            `check ${goQuote(c.Name)} cannot use a numeric port ${value} without setting address_mode="driver"`,
          );
        } else if (value <= 0) {
          errs.push(`check ${goQuote(c.Name)} has invalid numeric port ${value}`);
        }
        continue;
      }
      addPort(port, s.Name);
    }
  });
  const labels = new Set<string>();
  const first = groupNetworks?.[0];
  if (first) for (const p of portsOf(first)) labels.add(p.Label);
  for (const net of t.Resources?.Networks ?? []) for (const p of portsOf(net)) labels.add(p.Label);
  for (const label of [...servicePorts.keys()].sort()) {
    if (labels.has(label)) continue;
    const names = [...(servicePorts.get(label) ?? [])].sort().join(', ');
    errs.push(`port label ${goQuote(label)} referenced by services ${names} does not exist`);
  }
  return errs;
}

/** strconv.Atoi accepts an optional sign and decimal digits (within int64). */
const isGoInt = (s: string): boolean =>
  /^[+-]?\d+$/.test(s) && BigInt(s) <= 9223372036854775807n && BigInt(s) >= -9223372036854775808n;

/** Go's `%+q`: like `%q` but with every non-ASCII character escaped. */
function asciiQuote(s: string): string {
  return goQuote(s).replace(/[^ -~]/gu, (ch) => {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp === 0x7f) return '\\x7f';
    return cp > 0xffff
      ? `\\U${cp.toString(16).padStart(8, '0')}`
      : `\\u${cp.toString(16).padStart(4, '0')}`;
  });
}
