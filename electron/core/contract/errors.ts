export type ErrorCode = 'invalid_input' | 'not_found' | 'conflict' | 'internal' | 'unauthorized' | 'forbidden' | 'locked' | 'unknown_method' | 'storage';

/** The HTTP status of each error code (web host routes that answer with a status). `storage`: disk full, read-only, broken. */
export const errorStatus: Record<ErrorCode, number> = {
  invalid_input: 400,
  not_found: 404,
  conflict: 409,
  internal: 500,
  unauthorized: 401,
  forbidden: 403,
  unknown_method: 404,
  storage: 507,
  locked: 423,
};
export type ApiError = { code: ErrorCode; message: string };
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** A failure meant for the user: the message is Chinese and says what to fix. */
export class AppFailure extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export { describeZodError } from './messages';
