// Helpers for the Jobs API e2e suites: raw HTTP (bigint-safe JSON), Nomad's sample payloads,
// and a shape comparison (same keys, same JSON types) against the API document's samples.
import { parseJson, stringifyJson } from '@caravan/json';

export interface HttpResult<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  body: T;
}

export async function http<T = unknown>(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<HttpResult<T>> {
  const init: RequestInit = { method };
  if (body !== undefined) init.body = typeof body === 'string' ? body : stringifyJson(body);
  const response = await fetch(`${baseUrl}${path}`, init);
  const text = await response.text();
  let parsed: unknown = undefined;
  if (response.headers.get('content-type')?.includes('json') && text !== '')
    parsed = parseJson(text);
  return { status: response.status, headers: response.headers, text, body: parsed as T };
}

/**
 * The "Create Job" sample payload of the API document. `verbatim` keeps its reschedule policy
 * (Attempts 10 with Unlimited true), which current Nomad rejects as ambiguous; otherwise the
 * policy is made unambiguous (Attempts 0), the smallest change that registers.
 */
export function samplePayload(id = 'example', verbatim = false): Record<string, unknown> {
  return {
    Job: {
      ID: id,
      Name: id,
      Type: 'service',
      Priority: 50,
      Datacenters: ['dc1'],
      TaskGroups: [
        {
          Name: 'cache',
          Count: 1,
          Tasks: [
            {
              Name: 'redis',
              Driver: 'docker',
              User: '',
              Config: { image: 'redis:3.2', port_map: [{ db: 6379 }] },
              Services: [
                {
                  Id: '',
                  Name: 'redis-cache',
                  Tags: ['global', 'cache'],
                  PortLabel: 'db',
                  AddressMode: '',
                  Checks: [
                    {
                      Id: '',
                      Name: 'alive',
                      Type: 'tcp',
                      Command: '',
                      Args: null,
                      Path: '',
                      Protocol: '',
                      PortLabel: '',
                      Interval: 10000000000,
                      Timeout: 2000000000,
                      InitialStatus: '',
                      TLSSkipVerify: false,
                    },
                  ],
                },
              ],
              Resources: {
                CPU: 500,
                MemoryMB: 256,
                Networks: [
                  {
                    Device: '',
                    CIDR: '',
                    IP: '',
                    MBits: 10,
                    DynamicPorts: [{ Label: 'db', Value: 0 }],
                  },
                ],
              },
              Leader: false,
            },
          ],
          RestartPolicy: {
            Interval: 300000000000,
            Attempts: 10,
            Delay: 25000000000,
            Mode: 'delay',
          },
          ReschedulePolicy: {
            Attempts: verbatim ? 10 : 0,
            Delay: 30000000000,
            DelayFunction: 'exponential',
            Interval: 0,
            MaxDelay: 3600000000000,
            Unlimited: true,
          },
          EphemeralDisk: { SizeMB: 300 },
        },
      ],
      Update: {
        MaxParallel: 1,
        MinHealthyTime: 10000000000,
        HealthyDeadline: 180000000000,
        AutoRevert: false,
        Canary: 0,
      },
    },
  };
}

/** A small valid batch job (no network, no services). */
export function batchJob(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ID: id,
    Type: 'batch',
    TaskGroups: [
      {
        Name: 'work',
        Tasks: [{ Name: 'run', Driver: 'exec', Config: { command: '/bin/true' } }],
      },
    ],
    ...extra,
  };
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'bigint') return 'number';
  return typeof value;
}

/**
 * Every key of `sample` exists in `actual` with the same JSON type (null in the sample
 * accepts anything: Nomad's sample shows an unset pointer). Objects are compared
 * recursively; arrays by their first element. Returns the mismatches.
 */
export function shapeMismatches(sample: unknown, actual: unknown, path = '$'): string[] {
  if (sample === null) return [];
  if (jsonType(sample) !== jsonType(actual))
    return [`${path}: expected ${jsonType(sample)}, got ${jsonType(actual)}`];
  if (Array.isArray(sample) && Array.isArray(actual)) {
    if (sample.length === 0 || actual.length === 0) return [];
    return shapeMismatches(sample[0], actual[0], `${path}[0]`);
  }
  if (typeof sample === 'object' && typeof actual === 'object' && actual !== null) {
    return Object.entries(sample as Record<string, unknown>).flatMap(([k, v]) =>
      k in actual
        ? shapeMismatches(v, (actual as Record<string, unknown>)[k], `${path}.${k}`)
        : [`${path}.${k}: missing`],
    );
  }
  return [];
}
