// The few statistics the dashboard needs: shares, the median and the median absolute deviation.

/** `count` out of `total`, 0 when there is none. */
export function share(count: number, total: number): number {
  return total === 0 ? 0 : count / total;
}

/** The median (the mean of the middle two for an even count); 0 for no values. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = values.toSorted((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The median absolute deviation from the median: a spread that a few odd values do not move. */
export function medianDeviation(values: readonly number[]): number {
  const m = median(values);
  return median(values.map((v) => Math.abs(v - m)));
}
