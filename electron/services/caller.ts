import { AsyncLocalStorage } from 'node:async_hooks';
import { roles, type Caller } from '../core/contract';

/** The caller of the contract method being served: set by the dispatcher, read where events are written. */
const store = new AsyncLocalStorage<Caller>();

export function runAs<T>(caller: Caller, fn: () => T): T {
  return store.run(caller, fn);
}

export function currentCaller(): Caller | undefined {
  return store.getStore();
}

/**
 * The built-in 系统 account: automation (tests, benchmarks, scripts, --automation) acts as it,
 * with every role, and events record it by name.
 */
export function systemCaller(host: Caller['host'], name = '系统'): Caller {
  return { host, account: { id: 0, name, roles: [...roles] } };
}
