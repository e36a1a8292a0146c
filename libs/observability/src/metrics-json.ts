// A minimal rendering in the spirit of Nomad's /v1/metrics JSON (go-metrics' in-memory
// sink): gauges, counters and samples, each with Name, Labels and the aggregate fields.

export interface NomadMetricsJson {
  Timestamp: string;
  Gauges: { Name: string; Value: number; Labels: Record<string, string> }[];
  Counters: NomadAggregate[];
  Samples: NomadAggregate[];
  Points: never[];
}

export interface NomadAggregate {
  Name: string;
  Count: number;
  Sum: number;
  Mean: number;
  Labels: Record<string, string>;
}

/** The shape prom-client's Registry.getMetricsAsJSON() returns (its own types are not exported). */
export interface MetricJson {
  name: string;
  type: unknown; // a string at runtime ('counter', 'gauge', ...), typed as an enum by prom-client
  values: MetricValue[];
}
interface MetricValue {
  value: number;
  labels: Partial<Record<string, string | number>>;
  metricName?: string;
}
type Metric = MetricJson;

function labelsOf(value: MetricValue): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value.labels)) {
    if (v !== undefined) out[k] = String(v);
  }
  return out;
}

function labelKey(labels: Record<string, string>): string {
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join(',');
}

function samplesOf(metric: Metric): NomadAggregate[] {
  // Histograms and summaries: one aggregate per label set, from their _sum and _count series.
  const byLabels = new Map<string, NomadAggregate>();
  for (const value of metric.values) {
    const name = value.metricName ?? metric.name;
    const isSum = name.endsWith('_sum');
    const isCount = name.endsWith('_count');
    if (!isSum && !isCount) continue;
    const labels = labelsOf(value);
    const key = labelKey(labels);
    const agg = byLabels.get(key) ?? {
      Name: metric.name,
      Count: 0,
      Sum: 0,
      Mean: 0,
      Labels: labels,
    };
    if (isSum) agg.Sum = value.value;
    if (isCount) agg.Count = value.value;
    byLabels.set(key, agg);
  }
  return [...byLabels.values()].map((agg) => ({
    ...agg,
    Mean: agg.Count > 0 ? agg.Sum / agg.Count : 0,
  }));
}

export function toNomadMetricsJson(metrics: Metric[], now: Date): NomadMetricsJson {
  const out: NomadMetricsJson = {
    Timestamp: now.toISOString(),
    Gauges: [],
    Counters: [],
    Samples: [],
    Points: [],
  };
  for (const metric of metrics) {
    switch (String(metric.type)) {
      case 'gauge':
        for (const v of metric.values)
          out.Gauges.push({ Name: metric.name, Value: v.value, Labels: labelsOf(v) });
        break;
      case 'counter':
        for (const v of metric.values) {
          out.Counters.push({
            Name: metric.name,
            Count: v.value,
            Sum: v.value,
            Mean: 1,
            Labels: labelsOf(v),
          });
        }
        break;
      case 'histogram':
      case 'summary':
        out.Samples.push(...samplesOf(metric));
        break;
      default:
        break;
    }
  }
  return out;
}
