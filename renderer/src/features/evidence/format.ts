import Nzh from 'nzh';
import type { ExhibitView } from '../../../../electron/core/contract';

/** 证据一、证据二 … 证据十二: the number as it is written in an evidence list. */
export function exhibitLabel(seq: number): string {
  return `证据${Nzh.cn.encodeS(seq)}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

export function shortSha(sha256: string): string {
  return sha256.slice(0, 12);
}

export type ViewerKind = 'pdf' | 'image' | 'table' | 'text' | 'other';

/** How the viewer shows an exhibit, from the type the backend detected from the file's content. */
export function viewerKind(exhibit: Pick<ExhibitView, 'mime' | 'fileName'>): ViewerKind {
  const mime = exhibit.mime.toLowerCase();
  if (mime === 'application/pdf') return 'pdf';
  if (/^image\/(jpeg|png|gif|webp|bmp|avif)$/.test(mime)) return 'image';
  if (
    mime.includes('spreadsheetml') ||
    mime === 'application/vnd.ms-excel' ||
    mime === 'text/csv' ||
    mime === 'application/vnd.oasis.opendocument.spreadsheet'
  )
    return 'table';
  if (mime.startsWith('text/') || mime === 'application/json') return 'text';
  return 'other';
}

/** Mime type in a few Chinese words, for the list. */
export function kindLabel(exhibit: Pick<ExhibitView, 'mime' | 'fileName'>): string {
  switch (viewerKind(exhibit)) {
    case 'pdf':
      return 'PDF';
    case 'image':
      return '图片';
    case 'table':
      return '表格';
    case 'text':
      return '文本';
    default:
      if (exhibit.mime.startsWith('video/')) return '视频';
      if (exhibit.mime.startsWith('audio/')) return '音频';
      return '文件';
  }
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
