// Nomad's TaskGroup.validateNetworks: port labels unique across the group and its tasks, static
// ports unique per host network, port and `To` ranges, ignore_collision only in host mode, CNI
// args, hostname. Messages verbatim; Go ranges over CNI args in random order, we use key order.
import type { NetworkResource, Port, TaskGroup } from '@caravan/nomad-api';
import { goQuote } from './go-format';

const MAX_PORT = 65535;

export function validateNetworks(tg: TaskGroup): string[] {
  const errs: string[] = [];
  const labels = new Map<string, string>();
  const staticPorts = new Map<string, Map<number, string>>();
  const cniKeys = new Set<string>();
  const reserve = (port: Port, owner: string, ignoreCollision: boolean): void => {
    const network = port.HostNetwork === '' ? 'default' : port.HostNetwork;
    const used = staticPorts.get(network) ?? new Map<number, string>();
    const other = used.get(port.Value);
    if (other !== undefined) {
      if (!ignoreCollision) errs.push(`Static port ${port.Value} already reserved by ${other}`);
    } else if (port.Value > MAX_PORT) {
      errs.push(`Port ${port.Label} (${port.Value}) cannot be greater than ${MAX_PORT}`);
    } else {
      used.set(port.Value, `${owner}:${port.Label}`);
      staticPorts.set(network, used);
    }
  };

  for (const net of tg.Networks ?? []) {
    for (const port of portsOf(net)) {
      const other = labels.get(port.Label);
      if (other !== undefined) errs.push(`Port label ${port.Label} already in use by ${other}`);
      else labels.set(port.Label, 'taskgroup network');
      if (port.Value !== 0) reserve(port, 'taskgroup network', port.IgnoreCollision);
      if (port.To < -1) {
        errs.push(`Port ${goQuote(port.Label)} cannot be mapped to negative value ${port.To}`);
      } else if (port.To > MAX_PORT) {
        errs.push(
          `Port ${goQuote(port.Label)} cannot be mapped to a port (${port.To}) greater than ${MAX_PORT}`,
        );
      }
      if (port.IgnoreCollision && !(net.Mode === '' || net.Mode === 'host')) {
        errs.push(
          `Port ${goQuote(port.Label)} collision may not be ignored on non-host network mode ${goQuote(net.Mode)}`,
        );
      }
    }
    for (const [k, v] of Object.entries(net.CNI?.Args ?? {})) {
      if (cniKeys.has(k)) errs.push(`duplicate CNI arg ${goQuote(k)}`);
      else cniKeys.add(k);
      if (k.includes(';')) errs.push(`invalid ';' character in CNI arg key ${goQuote(k)}`);
      if (v.includes(';')) errs.push(`invalid ';' character in CNI arg value ${goQuote(v)}`);
    }
    if (net.Hostname !== '' && !net.Hostname.includes('${') && !isDomainName(net.Hostname)) {
      errs.push('Hostname is not a valid DNS name');
    }
  }

  // Task ports are checked against the group's labels only (Nomad never records task labels),
  // and task static ports never honour ignore_collision.
  for (const task of tg.Tasks ?? []) {
    for (const net of task.Resources?.Networks ?? []) {
      for (const port of portsOf(net)) {
        const other = labels.get(port.Label);
        if (other !== undefined) errs.push(`Port label ${port.Label} already in use by ${other}`);
        if (port.Value !== 0) reserve(port, task.Name, false);
      }
    }
  }
  return errs;
}

/** Reserved ports first, then dynamic ones, as Nomad iterates them. */
export function portsOf(net: NetworkResource): Port[] {
  return [...(net.ReservedPorts ?? []), ...(net.DynamicPorts ?? [])];
}

/**
 * miekg/dns IsDomainName, approximately: labels of 1..63 bytes, an optional trailing dot,
 * at most 255 bytes on the wire. Escapes (`\.`, `\DDD`) are not interpreted.
 */
function isDomainName(name: string): boolean {
  if (name === '.') return true;
  const trimmed = name.endsWith('.') ? name.slice(0, -1) : name;
  const labels = trimmed.split('.');
  if (labels.some((l) => l.length === 0 || Buffer.byteLength(l) > 63)) return false;
  return Buffer.byteLength(trimmed) + 2 <= 255;
}
