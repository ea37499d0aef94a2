/**
 * Limits a bundle must stay within before anything in it is read (zip-bomb and resource guards).
 * The total can be raised with SUCAI_BUNDLE_MAX_BYTES (whole bytes), read at each import.
 */
export type BundleLimits = {
  /** Sum of the entries' declared uncompressed sizes. */
  maxTotalBytes: number;
  maxEntries: number;
  /** An entry larger than ratioMinBytes that expands more than maxRatio:1 is treated as a zip bomb. */
  maxRatio: number;
  ratioMinBytes: number;
  maxManifestBytes: number;
};

export const DEFAULT_BUNDLE_LIMITS: BundleLimits = {
  maxTotalBytes: 4 * 1024 ** 3,
  maxEntries: 20_000,
  maxRatio: 200,
  ratioMinBytes: 1024 ** 2,
  maxManifestBytes: 64 * 1024 ** 2,
};

export function bundleLimits(): BundleLimits {
  const raw = Number(process.env.SUCAI_BUNDLE_MAX_BYTES?.trim() || NaN);
  return Number.isSafeInteger(raw) && raw > 0 ? { ...DEFAULT_BUNDLE_LIMITS, maxTotalBytes: raw } : DEFAULT_BUNDLE_LIMITS;
}
