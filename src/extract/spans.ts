/**
 * Lookups by position over spans sorted by start: binary search, so each lookup costs what it finds, not a pass over
 * the whole article (scanning every name or reference per trigger or per match made stages quadratic in a long text).
 */

/** Index of the first item (sorted by start) whose start is at or after `pos`. */
export function firstAtOrAfter(items: readonly { start: number }[], pos: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
