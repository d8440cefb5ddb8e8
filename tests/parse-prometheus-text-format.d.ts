// The dev dependency that tests read `/metrics` with ships no types.
declare module 'parse-prometheus-text-format' {
  /** One sample: a value with labels, or a histogram's or summary's buckets/quantiles, count and sum (all as text). */
  export interface ParsedMetric {
    value?: string;
    labels?: Record<string, string>;
    buckets?: Record<string, string>;
    quantiles?: Record<string, string>;
    count?: string;
    sum?: string;
  }
  /** One metric family. */
  export interface ParsedFamily {
    name: string;
    help: string;
    type: 'COUNTER' | 'GAUGE' | 'HISTOGRAM' | 'SUMMARY' | 'UNTYPED';
    metrics: ParsedMetric[];
  }
  /** Parse Prometheus text exposition format; throws on malformed input. */
  export default function parsePrometheusTextFormat(text: string): ParsedFamily[];
}
