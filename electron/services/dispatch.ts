import { accessProblem, contract, describeZodError, seesPersonalData, type ApiResult, type Caller, type MethodName, type MethodSpec } from '../core/contract';
import { maskForObserver } from '../core/masking';
import { runAs } from './caller';
import { toApiError } from './failures';
import type { Handlers } from './createServices';

/**
 * The one validated entry point both hosts use. In order: the method exists and this host offers
 * it; the caller may call it (signed in, not locked, a role that reaches it); its input parses;
 * the local paths it names were granted by the user (desktop); then the handler runs as the
 * caller, and an observer's answer is masked. Failures become Chinese messages; unexpected errors
 * are logged with their stack and reported without internals.
 */
export async function dispatch(handlers: Handlers, name: string, raw: unknown, caller: Caller): Promise<ApiResult<unknown>> {
  if (!Object.hasOwn(contract, name)) return { ok: false, error: { code: 'unknown_method', message: `未知的操作：${name}` } };
  const method = name as MethodName;
  const spec: MethodSpec = contract[method];
  if (spec.hosts && !spec.hosts.includes(caller.host)) {
    return { ok: false, error: { code: 'unknown_method', message: '此操作只在桌面版中提供；网页版请通过上传导入文件' } };
  }
  const refused = accessProblem(spec.access, caller);
  if (refused) return { ok: false, error: refused };
  const parsed = spec.input.safeParse(raw ?? {});
  if (!parsed.success) return { ok: false, error: { code: 'invalid_input', message: describeZodError(parsed.error, spec.input) } };
  if (spec.localPaths) {
    const paths = (spec.localPaths as (input: unknown) => string[])(parsed.data);
    if (!caller.takeGrantedPaths?.(paths)) {
      return { ok: false, error: { code: 'forbidden', message: '只能导入本次在文件对话框中选择或拖入窗口的文件，请重新选择' } };
    }
  }
  try {
    const handler = handlers[method] as (input: unknown) => unknown;
    const value = await runAs(caller, () => handler(parsed.data));
    const masked = caller.account && !seesPersonalData(caller.account) && spec.session !== 'opens';
    return { ok: true, value: masked ? maskForObserver(value) : value };
  } catch (error) {
    return { ok: false, error: toApiError(error, method) };
  }
}
