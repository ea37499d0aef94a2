/**
 * The evidence size limit. Default 2 GiB; an installation can change it with the environment
 * variable SUCAI_EVIDENCE_MAX_BYTES (a whole number of bytes, e.g. 5368709120 for 5 GiB). It is
 * read at each import, so a change takes effect without reopening the data folder.
 */
export const DEFAULT_EVIDENCE_MAX_BYTES = 2 * 1024 ** 3;

export function evidenceMaxBytes(): number {
  const raw = process.env.SUCAI_EVIDENCE_MAX_BYTES?.trim();
  if (!raw) return DEFAULT_EVIDENCE_MAX_BYTES;
  const n = Number(raw);
  return Number.isSafeInteger(n) && n > 0 ? n : DEFAULT_EVIDENCE_MAX_BYTES;
}

/** 2147483648 → "2 GB", 1572864 → "1.5 MB", 900 → "900 字节" (binary units, as Windows shows them). */
export function formatBytes(bytes: number): string {
  const units: [number, string][] = [
    [1024 ** 3, 'GB'],
    [1024 ** 2, 'MB'],
    [1024, 'KB'],
  ];
  for (const [size, unit] of units) {
    if (bytes >= size) {
      const value = bytes / size;
      return `${Number.isInteger(value) ? value : Number(value.toFixed(1))} ${unit}`;
    }
  }
  return `${bytes} 字节`;
}
