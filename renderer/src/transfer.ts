import type { ApiResult, BundleImportReport, ExhibitView } from '../../electron/core/contract';
import type { Submitter, Track } from '../../electron/core/domain';
import { call } from './api';

/**
 * File transfers that do not fit the JSON API: evidence uploads (raw body, with progress and
 * cancel), evidence file links for the viewer, and case-bundle downloads / uploads. Web host only;
 * the desktop app adds evidence by path (evidence.addFromPaths) instead.
 */

/** True in the desktop app (preload bridge present); uploads then go by path, not over HTTP. */
export const isDesktop = typeof window !== 'undefined' && Boolean(window.sucai);

/** Streams one stored evidence file (Range supported): for <img> and pdf.js. */
export function evidenceFileUrl(exhibitId: number): string {
  return `/api/files/evidence/${exhibitId}`;
}

/** The same file as a download (an attachment); the host records the download on the case timeline. */
export function evidenceDownloadUrl(exhibitId: number): string {
  return `/api/files/evidence/${exhibitId}?download=1`;
}

/** Downloads a bundle written by bundle.export. */
export function bundleFileUrl(fileName: string): string {
  return `/api/files/bundle/${encodeURIComponent(fileName)}`;
}

export type UploadProgress = { loaded: number; total: number };
export type Upload<T> = { promise: Promise<T>; abort: () => void };

export class UploadError extends Error {
  constructor(
    message: string,
    public readonly aborted = false,
  ) {
    super(message);
  }
}

function upload<T>(url: string, file: Blob, onProgress?: (p: UploadProgress) => void): Upload<T> {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<T>((resolve, reject) => {
    xhr.open('POST', url);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.responseType = 'text';
    xhr.upload.onprogress = (e) => onProgress?.({ loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.onload = () => {
      let result: ApiResult<T>;
      try {
        result = JSON.parse(xhr.responseText) as ApiResult<T>;
      } catch {
        const reason = xhr.status === 413 ? '文件超过大小上限' : xhr.status === 404 ? '服务不支持上传（请更新速裁台）' : `上传失败（HTTP ${xhr.status}）`;
        reject(new UploadError(reason));
        return;
      }
      if (result.ok) resolve(result.value);
      else reject(new UploadError(result.error.message));
    };
    // The host may refuse early (e.g. over the size limit) and close the connection mid-body.
    xhr.onerror = () => reject(new UploadError('上传中断：连接被关闭。文件可能超过大小上限，或速裁台服务已停止'));
    xhr.onabort = () => reject(new UploadError('已取消', true));
    xhr.send(file);
  });
  return { promise, abort: () => xhr.abort() };
}

export type EvidenceUploadParams = { caseId: number; track: Track; submittedBy: Submitter; importId: string };

/** Uploads one evidence file as the raw request body; the host hashes and stores it as it streams. */
export function uploadEvidence(file: File, params: EvidenceUploadParams, onProgress?: (p: UploadProgress) => void): Upload<ExhibitView | ExhibitView[]> {
  const query = new URLSearchParams({
    caseId: String(params.caseId),
    fileName: file.name,
    track: params.track,
    submittedBy: params.submittedBy,
    importId: params.importId,
  });
  return upload<ExhibitView | ExhibitView[]>(`/api/upload/evidence?${query}`, file, onProgress);
}

/** Uploads a case bundle (.zip); the host verifies every hash before storing anything. */
export function uploadBundle(file: File, onProgress?: (p: UploadProgress) => void): Upload<BundleImportReport> {
  return upload<BundleImportReport>(`/api/upload/bundle?${new URLSearchParams({ fileName: file.name })}`, file, onProgress);
}

/** Starts a browser download of a same-origin URL (no new window). */
export function triggerDownload(url: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** A short unique id for one import, so that its progress events and cancel can be matched. */
export function newImportId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** Desktop: the native file dialog (validated IPC in the main process): evidence files, bundles; [] when cancelled. */
export async function chooseFiles(): Promise<string[]> {
  const bridge = window.sucai as unknown as { openFiles?: () => Promise<ApiResult<string[]>> } | undefined;
  if (!bridge?.openFiles) throw new UploadError('此版本的桌面程序没有文件选择对话框，请更新速裁台');
  const result = await bridge.openFiles();
  if (!result.ok) throw new UploadError(result.error.message);
  return result.value;
}

/**
 * Desktop: one file added by path (streamed by the main process, progress as
 * evidence.importProgress events); abort cancels the import on the backend.
 */
export function addEvidenceByPath(filePath: string, params: EvidenceUploadParams): Upload<ExhibitView[]> {
  let aborted = false;
  const promise = call('evidence.addFromPaths', { caseId: params.caseId, paths: [filePath], track: params.track, submittedBy: params.submittedBy, importId: params.importId }).catch(
    (e: Error) => {
      throw new UploadError(aborted ? '已取消' : e.message, aborted);
    },
  );
  return {
    promise,
    abort: () => {
      aborted = true;
      call('evidence.cancelImport', { importId: params.importId }).catch(() => undefined);
    },
  };
}
