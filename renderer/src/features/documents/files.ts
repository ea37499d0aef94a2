import { serviceMethodLabels, serviceMethods, type DocumentView } from '../../../../electron/core/contract';

/** True inside the Electron window (the preload exposes window.sucai); false in a browser. */
export function isDesktop(): boolean {
  return typeof window !== 'undefined' && Boolean(window.sucai);
}

/** Where the web host serves a generated document (docx, or the PDF made by documents.exportPdf). */
export function documentFileUrl(documentId: number, format: 'docx' | 'pdf'): string {
  return `/api/files/document/${documentId}?format=${format}`;
}

/** Where the web host would serve an assembled package (enforcement / police), if it offers the route. */
export function packageFileUrl(fileName: string): string {
  return `/api/files/package/${encodeURIComponent(fileName)}`;
}

/** Starts a browser download of a URL on this host (the anchor is removed again at once). */
export function startDownload(url: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** Whether the web host answers for this file (a HEAD request; false on 404 or when offline). */
export async function fileAvailable(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { method: 'HEAD' });
    return response.ok;
  } catch {
    return false;
  }
}

export { serviceMethodLabels };
export const serviceMethodOptions = serviceMethods.map((value) => ({ value, label: serviceMethodLabels[value] }));

/** A document counts as served when at least one recorded service carries a date. */
export function isServed(doc: DocumentView): boolean {
  return doc.services.some((s) => s.servedOn !== null);
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** An ISO instant as Beijing date and time, "2026-03-05 14:20". */
export function beijingTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3_600_000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
