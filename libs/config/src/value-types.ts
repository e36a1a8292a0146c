import {
  LOG_FORMATS,
  LOG_LEVELS,
  type HostPort,
  type LogFormat,
  type LogLevel,
} from './config.types';

// A value type turns the (trimmed, non-empty) text of one variable into a typed value, or
// returns undefined when the text is not acceptable. `expected` completes the sentence
// "VAR: expected <expected>, got "<text>"". Kept free of zod so each rule reads on its own.
export interface ValueType<T> {
  expected: string;
  parse(text: string): T | undefined;
  /** How the offending text is echoed in an error; secrets must not reach logs. */
  show?(text: string): string;
}

// Letters, digits, '-', '_' and dots between labels: DNS names, IPv4 literals and Docker
// service names (which may contain '_').
const HOST_NAME =
  /^[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?(\.[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?)*$/;
const IPV6 = /^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[A-Za-z0-9_.-]+)?$/;
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

function parsePort(text: string, min: number): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port >= min && port <= 65535 ? port : undefined;
}

function splitHostPort(text: string, minPort: number): HostPort | undefined {
  const bracketed = /^\[([^\]]+)\]:([^:]+)$/.exec(text);
  if (bracketed) {
    const [, host = '', portText = ''] = bracketed;
    const port = parsePort(portText, minPort);
    return IPV6.test(host) && port !== undefined ? { host, port } : undefined;
  }
  const colon = text.lastIndexOf(':');
  if (colon <= 0) return undefined;
  const host = text.slice(0, colon);
  const port = parsePort(text.slice(colon + 1), minPort);
  return HOST_NAME.test(host) && port !== undefined ? { host, port } : undefined;
}

/** Formats a HostPort back to text, bracketing IPv6 literals. */
export function formatHostPort({ host, port }: HostPort): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** An address to listen on. Port 0 (an ephemeral port) is allowed: tests use it. */
export const listenAddress: ValueType<HostPort> = {
  expected: 'host:port',
  parse: (text) => splitHostPort(text, 0),
};

export const brokerList: ValueType<string[]> = {
  expected: 'comma-separated host:port list',
  parse(text) {
    const brokers: string[] = [];
    for (const entry of text.split(',')) {
      const address = splitHostPort(entry.trim(), 1);
      if (!address) return undefined;
      brokers.push(formatHostPort(address));
    }
    return brokers;
  },
};

/** Replaces the password of a connection URL, so errors and logs can echo it. */
export function redactUrl(text: string): string {
  return text.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
}

export const postgresUrl: ValueType<string> = {
  expected: 'postgres://user:password@host:port/database',
  parse(text) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return undefined;
    }
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') return undefined;
    // `postgres:///db?host=/run/postgresql` (a Unix socket) has no URL host but is valid for pg.
    return url.hostname !== '' || url.searchParams.has('host') ? text : undefined;
  },
  show: redactUrl,
};

/**
 * A gRPC client target as @grpc/grpc-js resolves it. `dns:///name:port` makes the client
 * resolve every address of a name and round-robin over them (replicas behind one DNS name).
 */
export const grpcTarget: ValueType<string> = {
  expected: 'host:port, dns:///host:port or unix:/path',
  parse(text) {
    if (/^unix:(\/\/)?\/?[^\s]+$/.test(text)) return text;
    const dns = /^dns:(\/\/[^/]*\/)?(.+)$/.exec(text);
    const address = dns ? (dns[2] ?? '') : text;
    return splitHostPort(address, 1) ? text : undefined;
  },
};

export function integer(min: number): ValueType<number> {
  return {
    expected: `integer >= ${min}`,
    parse(text) {
      if (!/^\d+$/.test(text)) return undefined;
      const value = Number(text);
      return Number.isSafeInteger(value) && value >= min ? value : undefined;
    },
  };
}

export const logLevel: ValueType<LogLevel> = {
  expected: `one of ${LOG_LEVELS.join(', ')}`,
  parse(text) {
    const level = text.toLowerCase();
    return (LOG_LEVELS as readonly string[]).includes(level) ? (level as LogLevel) : undefined;
  },
};

export const logFormat: ValueType<LogFormat> = {
  expected: `one of ${LOG_FORMATS.join(', ')}`,
  parse(text) {
    const format = text.toLowerCase();
    return (LOG_FORMATS as readonly string[]).includes(format) ? (format as LogFormat) : undefined;
  },
};

/** Region, datacenter and simulator ids: they end up in ids, topic keys and Nomad JSON. */
export const name: ValueType<string> = {
  expected: "letters, digits, '.', '_' or '-' (at most 128, starting with a letter or digit)",
  parse: (text) => (NAME.test(text) ? text : undefined),
};

/** Kafka topic names allow [A-Za-z0-9._-] up to 249 characters; leave room for the suffix. */
export const topicPrefix: ValueType<string> = {
  expected: "at most 200 of letters, digits, '.', '_' or '-'",
  parse: (text) => (/^[A-Za-z0-9._-]{1,200}$/.test(text) ? text : undefined),
};

export const path: ValueType<string> = {
  expected: 'a directory path',
  parse: (text) => (text.includes('\0') ? undefined : text),
};
