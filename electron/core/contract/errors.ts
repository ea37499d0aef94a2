import type { z } from 'zod';

export type ErrorCode = 'invalid_input' | 'not_found' | 'conflict' | 'internal' | 'unauthorized' | 'forbidden' | 'locked' | 'unknown_method';
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

/** Turns a zod error into one Chinese line naming the field. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}：${issue.message}` : issue.message))
    .join('；');
}
