import type { CaravanConfig } from '@caravan/config';
import { caravanBanner } from './caravan-banner';

const embedded: Pick<CaravanConfig, 'database' | 'transport' | 'logLevel'> = {
  database: { mode: 'embedded' },
  transport: { mode: 'store-tail' },
  logLevel: 'info',
};

describe('caravanBanner', () => {
  it('tells a person where the API and data are, how to stop and where logs go', () => {
    const text = caravanBanner({
      config: embedded,
      api: { host: '127.0.0.1', port: 4646 },
      dataDir: '/home/me/caravan/.caravan',
    }).join('\n');
    expect(text).toContain('Nomad API   http://127.0.0.1:4646\n');
    expect(text).toContain('Data        /home/me/caravan/.caravan (embedded PostgreSQL');
    expect(text).toContain('Stop        Ctrl-C');
    expect(text).toMatch(
      /Logs {8}below, level info \(CARAVAN_LOG_LEVEL\); CARAVAN_LOG_FORMAT=json/,
    );
    expect(text).toContain('the event store directly (no Kafka)');
  });

  it('shows the real port, brackets IPv6, and never prints a database password', () => {
    const text = caravanBanner({
      config: {
        database: { mode: 'external', url: 'postgres://caravan:s3cret@db:5432/caravan' },
        transport: {
          mode: 'kafka',
          kafka: { brokers: ['k1:9092', 'k2:9092'], partitions: 12, topicPrefix: 'caravan.' },
        },
        logLevel: 'debug',
      },
      api: { host: '::1', port: 40123 },
      dataDir: '/unused',
    }).join('\n');
    expect(text).toContain('http://[::1]:40123');
    expect(text).toContain('postgres://caravan:***@db:5432/caravan (DATABASE_URL)');
    expect(text).not.toContain('s3cret');
    expect(text).not.toContain('/unused');
    expect(text).toContain('Kafka at k1:9092, k2:9092');
  });
});
