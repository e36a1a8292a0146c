// The log speaks Nomad's int64 Unix nanoseconds; the pure scheduler computes in milliseconds.
// The conversions live with the scheduler; re-exported for this lib's adapters.
export { msToNanos, nanosToMs } from '@caravan/domain/scheduler';
