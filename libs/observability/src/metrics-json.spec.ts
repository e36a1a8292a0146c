import { toNomadMetricsJson, type MetricJson } from './metrics-json';

describe('toNomadMetricsJson', () => {
  const metrics: MetricJson[] = [
    { name: 'waiters', type: 'gauge', values: [{ value: 3, labels: { app: 'gw' } }] },
    {
      name: 'requests',
      type: 'counter',
      values: [{ value: 7, labels: { app: 'gw', route: '/v1/jobs' } }],
    },
    {
      name: 'duration',
      type: 'histogram',
      values: [
        { value: 2, labels: { le: 0.1, app: 'gw' }, metricName: 'duration_bucket' },
        { value: 1.5, labels: { app: 'gw' }, metricName: 'duration_sum' },
        { value: 3, labels: { app: 'gw' }, metricName: 'duration_count' },
      ],
    },
  ];

  it('renders gauges, counters and samples like go-metrics', () => {
    const json = toNomadMetricsJson(metrics, new Date('2026-01-02T03:04:05Z'));
    expect(json).toEqual({
      Timestamp: '2026-01-02T03:04:05.000Z',
      Gauges: [{ Name: 'waiters', Value: 3, Labels: { app: 'gw' } }],
      Counters: [
        { Name: 'requests', Count: 7, Sum: 7, Mean: 1, Labels: { app: 'gw', route: '/v1/jobs' } },
      ],
      Samples: [{ Name: 'duration', Count: 3, Sum: 1.5, Mean: 0.5, Labels: { app: 'gw' } }],
      Points: [],
    });
  });
});
