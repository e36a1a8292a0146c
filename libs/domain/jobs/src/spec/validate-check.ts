// Nomad's ServiceCheck.validateCommon / validateNomad / validateConsul. Each returns the first
// problem only (Nomad returns early), or null.
import type { ServiceCheck } from '@caravan/nomad-api';
import { formatMultiError, goDuration, goQuote } from './go-format';
import { SECOND } from './spec.defaults';

const HTTP_METHODS = [
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'CONNECT',
  'OPTIONS',
  'TRACE',
];
const PASS_FAIL_TYPES = ['tcp', 'http', 'grpc'];

export function validateNomadCheck(c: ServiceCheck): string | null {
  const common = validateCommon(c, ['tcp', 'http']);
  if (common !== null) return common;
  if (c.Expose) return 'expose may only be set for Consul service checks';
  if (c.OnUpdate === 'ignore_warnings')
    return 'on_update may only be set to ignore_warnings for Consul service checks';
  if (c.CheckRestart?.IgnoreWarnings)
    return 'ignore_warnings on check_restart only supported for Consul service checks';
  if (c.AddressMode === 'driver')
    return 'address_mode = driver may only be set for Consul service checks';
  if (c.Type === 'http' && c.Method !== '' && !HTTP_METHODS.includes(c.Method.toUpperCase()))
    return `method type ${goQuote(c.Method)} not supported in Nomad http check`;
  if (c.SuccessBeforePassing !== 0)
    return 'success_before_passing may only be set for Consul service checks';
  if (c.FailuresBeforeCritical !== 0)
    return 'failures_before_critical may only be set for Consul service checks';
  if (c.FailuresBeforeWarning !== 0)
    return 'failures_before_warning may only be set for Consul service checks';
  if (c.TLSServerName !== '') return 'tls_server_name may only be set for Consul service checks';
  return null;
}

export function validateConsulCheck(c: ServiceCheck): string | null {
  const common = validateCommon(c, ['grpc', 'tcp', 'http', 'script']);
  if (common !== null) return common;
  const type = c.Type.toLowerCase();
  if (c.Expose && type !== 'grpc' && type !== 'http')
    return 'expose may only be set on HTTP or gRPC checks';
  const thresholds: [number, string][] = [
    [c.SuccessBeforePassing, 'success_before_passing'],
    [c.FailuresBeforeCritical, 'failures_before_critical'],
    [c.FailuresBeforeWarning, 'failures_before_warning'],
  ];
  for (const [value, name] of thresholds) {
    if (value < 0) return `${name} must be non-negative`;
    // Nomad compares the type as written here, not lower-cased.
    if (value > 0 && !PASS_FAIL_TYPES.includes(c.Type))
      return `${name} not supported for check of type ${goQuote(c.Type)}`;
  }
  if (c.Notes.length > 255) return 'notes must not be longer than 255 characters';
  return null;
}

/** Nomad's ServiceCheck.RequiresPort: case-sensitive, unlike the type check. */
export const requiresPort = (c: ServiceCheck): boolean => ['grpc', 'http', 'tcp'].includes(c.Type);

function validateCommon(c: ServiceCheck, allowed: string[]): string | null {
  const type = c.Type.toLowerCase();
  if (!allowed.includes(type))
    return `invalid check type (${goQuote(type)}), must be one of ${allowed.join(', ')}`;
  if (type === 'http') {
    if (c.Path === '') return 'http type must have http path';
    const parsed = parseUrlPath(c.Path);
    if (parsed === 'invalid') return 'http type must have valid http path';
    if (parsed === 'absolute') return 'http type must have relative http path';
  } else if (type === 'script' && c.Command === '') {
    return 'script type must have a valid script path';
  }
  const [interval, timeout] = [BigInt(c.Interval), BigInt(c.Timeout)];
  if (interval === 0n) return 'missing required value interval. Interval cannot be less than 1s';
  if (interval < BigInt(SECOND))
    return `interval (${goDuration(interval)}) cannot be lower than 1s`;
  if (timeout === 0n) return 'missing required value timeout. Timeout cannot be less than 1s';
  if (timeout < BigInt(SECOND))
    return `timeout (${goDuration(timeout)}) is lower than required minimum timeout 1s`;
  if (!['', 'passing', 'warning', 'critical'].includes(c.InitialStatus)) {
    return `invalid initial check state (${c.InitialStatus}), must be one of "passing", "warning", "critical" or empty`;
  }
  if (c.AddressMode === 'auto') return 'invalid address_mode "auto" - auto only valid for services';
  if (!['', 'host', 'driver', 'alloc', 'alloc_ipv6'].includes(c.AddressMode))
    return `invalid address_mode ${goQuote(c.AddressMode)}`;
  if (!['', 'ignore', 'require_healthy', 'ignore_warnings'].includes(c.OnUpdate)) {
    return `on_update must be "require_healthy", "ignore_warnings", or "ignore"; got ${goQuote(c.OnUpdate)}`;
  }
  const restart = c.CheckRestart;
  if (restart) {
    if (c.OnUpdate === 'ignore')
      return 'on_update value "ignore" is not compatible with check_restart';
    if (!restart.IgnoreWarnings && c.OnUpdate === 'ignore_warnings')
      return 'on_update value "ignore_warnings" not supported with check_restart ignore_warnings value "false"';
    // CheckRestart.Validate returns a multierror; returned as is it prints as its own text.
    const errs: string[] = [];
    if (restart.Limit < 0)
      errs.push(`limit must be greater than or equal to 0 but found ${restart.Limit}`);
    if (BigInt(restart.Grace) < 0n)
      errs.push(`grace period must be greater than or equal to 0 but found ${restart.Grace}`);
    if (errs.length > 0) return formatMultiError(errs);
  }
  return null;
}

/**
 * Go's url.Parse, only as far as it matters here: control characters, a leading colon,
 * bad percent escapes and a colon in the first segment of a scheme-less path fail; a scheme
 * makes the URL absolute.
 */
function parseUrlPath(raw: string): 'invalid' | 'absolute' | 'relative' {
  if ([...raw].some((ch) => ch.charCodeAt(0) < 0x20 || ch === '\x7f')) return 'invalid';
  const pathPart = raw.split('#')[0] ?? '';
  if (/%(?![0-9A-Fa-f]{2})/.test(pathPart)) return 'invalid';
  if (raw.startsWith(':')) return 'invalid';
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(raw)) return 'absolute';
  const firstSegment = (pathPart.split('?')[0] ?? '').split('/')[0] ?? '';
  return firstSegment.includes(':') ? 'invalid' : 'relative';
}
