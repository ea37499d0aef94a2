import { AppFailure, type ApiError } from '../core/contract';
import { storageFailure } from './storage/storageErrors';

/**
 * Any error a service or route throws, as the user sees it: an AppFailure as it is, a disk or
 * database failure in Chinese (what happened, what to do), anything else as an `internal` error
 * whose details go to the log only — never an English message or a stack in front of a user.
 */
export function toApiError(error: unknown, context: string, dataDir?: string): ApiError {
  if (error instanceof AppFailure) return { code: error.code, message: error.message };
  const storage = storageFailure(error, dataDir);
  if (storage) {
    console.error(`[sucai] ${context}: ${storage.message}`, error);
    return { code: storage.code, message: storage.message };
  }
  console.error(`[sucai] ${context} failed`, error);
  return { code: 'internal', message: '操作失败：程序内部错误，详情已写入日志。请重试；如仍失败，请联系维护人员。' };
}
