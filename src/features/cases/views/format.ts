// Small formatting helpers shared by the case and screening pages.

/** 1536 → "1.5 KB"; bytes stay exact below a kilobyte. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = n / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** The path of a case page (references such as `IPA#00000012` carry characters a path must encode). */
export const casePath = (reference: string) => `/cases/${encodeURIComponent(reference)}`;
