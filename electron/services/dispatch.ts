import { AppFailure, contract, describeZodError, type ApiResult, type MethodName } from '../core/contract';
import type { Handlers } from './createServices';

/**
 * The one validated entry point both hosts use: unknown method → error, input parsed by the
 * contract's schema, handler run, failures turned into Chinese messages. Unexpected errors are
 * logged with their stack and reported without internals.
 */
export async function dispatch(handlers: Handlers, name: string, raw: unknown): Promise<ApiResult<unknown>> {
  if (!Object.hasOwn(contract, name)) return { ok: false, error: { code: 'unknown_method', message: `未知的操作：${name}` } };
  const method = name as MethodName;
  const parsed = contract[method].input.safeParse(raw ?? {});
  if (!parsed.success) return { ok: false, error: { code: 'invalid_input', message: describeZodError(parsed.error) } };
  try {
    const handler = handlers[method] as (input: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof AppFailure) return { ok: false, error: { code: error.code, message: error.message } };
    console.error(`[sucai] ${method} failed`, error);
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'internal', message: `操作失败：${detail}` } };
  }
}
