import { formatHostPort, redactUrl, type CaravanConfig, type HostPort } from '@caravan/config';

// What a person who typed `npm start` needs first: where the API is, where the data lives,
// how to stop, where the logs go. Printed only with readable (terminal) output; JSON output
// has the same facts in its `started` lines.

export interface CaravanBannerInfo {
  config: Pick<CaravanConfig, 'database' | 'transport' | 'logLevel'>;
  /** the address the API really listens on (port 0 in the config becomes a real port) */
  api: HostPort;
  /** CARAVAN_DATA_DIR resolved against the working directory */
  dataDir: string;
}

export function caravanBanner({ config, api, dataDir }: CaravanBannerInfo): string[] {
  const data =
    config.database.mode === 'embedded'
      ? `${dataDir} (embedded PostgreSQL, kept across restarts)`
      : `${redactUrl(config.database.url)} (DATABASE_URL)`;
  const transport =
    config.transport.mode === 'kafka'
      ? `Kafka at ${config.transport.kafka.brokers.join(', ')}`
      : 'the event store directly (no Kafka)';
  return [
    '',
    'Caravan is running: every app in this one process.',
    '',
    `  Nomad API   http://${formatHostPort(api)}`,
    `  Data        ${data}`,
    `  Events      consumers read ${transport}`,
    `  Logs        below, level ${config.logLevel} (CARAVAN_LOG_LEVEL); CARAVAN_LOG_FORMAT=json for JSON lines`,
    '  Stop        Ctrl-C',
    '',
  ];
}
