// Nomad's Service.Validate (name, address_mode, on_update, provider-specific checks, kind,
// identity). Consul Connect blocks are opaque in Caravan, so Connect.Validate is not ported.
import type { Service, ServiceCheck } from '@caravan/nomad-api';
import { goQuote } from './go-format';
import { requiresPort, validateConsulCheck, validateNomadCheck } from './validate-check';

const NAME_RE = /^(?:[a-z0-9]|[a-z0-9][a-z0-9-]{0,61}[a-z0-9])$/i;
// helper/args envRe: interpolations are replaced by a placeholder before the name check.
const ENV_RE = /\$\{[a-zA-Z0-9_\-.]+\}/g;
const CONSUL_KINDS = ['', 'api-gateway', 'ingress-gateway', 'mesh-gateway', 'terminating-gateway'];

export function validateService(s: Service): string[] {
  const errs: string[] = [];
  if (!NAME_RE.test(s.Name.replace(ENV_RE, 'ENV-VAR'))) {
    errs.push(
      `Service name must be valid per RFC 1123 and can contain only alphanumeric characters or dashes and must be no longer than 63 characters: ${goQuote(s.Name)}`,
    );
  }
  if (['host', 'driver', 'alloc', 'alloc_ipv6'].includes(s.AddressMode)) {
    if (s.Address !== '') errs.push('Service address_mode must be "auto" if address is set');
  } else if (s.AddressMode !== '' && s.AddressMode !== 'auto') {
    errs.push(
      `Service address_mode must be "auto", "host", or "driver"; not ${goQuote(s.AddressMode)}`,
    );
  }
  if (!['', 'ignore', 'require_healthy', 'ignore_warnings'].includes(s.OnUpdate)) {
    errs.push(
      `Service on_update must be "require_healthy", "ignore_warnings", or "ignore"; not ${goQuote(s.OnUpdate)}`,
    );
  }
  if (s.Provider === 'consul') validateConsulService(s, errs);
  else if (s.Provider === 'nomad') validateNomadService(s, errs);
  else errs.push(`Service provider must be "consul", or "nomad"; not ${goQuote(s.Provider)}`);
  if (s.Identity && (s.Identity.Audience ?? []).length === 0) {
    errs.push('Service identity must provide at least one target aud value');
  }
  return errs;
}

function checkPortError(s: Service, c: ServiceCheck): string | null {
  if (s.PortLabel === '' && c.PortLabel === '' && requiresPort(c)) {
    return `Check ${c.Name} invalid: check requires a port but neither check nor service ${goQuote(s.Name)} have a port`;
  }
  return null;
}

function validateConsulService(s: Service, errs: string[]): void {
  for (const c of s.Checks ?? []) {
    const port = checkPortError(s, c);
    if (port !== null) {
      errs.push(port);
      continue;
    }
    if (c.Type === 'tcp' && hasSidecar(s.Connect)) {
      errs.push(`Check ${c.Name} invalid: tcp checks are not valid for Connect enabled services`);
      continue;
    }
    const err = validateConsulCheck(c);
    if (err !== null) errs.push(`Check ${c.Name} invalid: ${err}`);
  }
  if (!CONSUL_KINDS.includes(s.Kind)) {
    errs.push(`Service ${s.Name} kind must be one of consul service kind or empty`);
  }
}

function validateNomadService(s: Service, errs: string[]): void {
  for (const c of s.Checks ?? []) {
    const err = checkPortError(s, c) ?? validateNomadCheck(c);
    if (err !== null) errs.push(err);
  }
  if (s.Connect !== null && s.Connect !== undefined) {
    errs.push('Service with provider nomad cannot include Connect blocks');
  }
}

function hasSidecar(connect: unknown): boolean {
  if (typeof connect !== 'object' || connect === null) return false;
  const sidecar = (connect as { SidecarService?: unknown }).SidecarService;
  return sidecar !== null && sidecar !== undefined;
}
