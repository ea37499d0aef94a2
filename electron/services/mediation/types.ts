import type { z } from 'zod';
import type { Contract, MethodName } from '../../core/contract';

/** A mediation method's input after the contract's schema has parsed it (defaults applied). */
export type MediationInput<M extends MethodName & `mediation.${string}`> = z.output<Contract[M]['input']>;

export const outcomeLabels = { pending: '待定', settled: '调解成功', partlySettled: '部分调解', failed: '调解不成' } as const;
export const methodLabels = { bankTransfer: '银行转账', cash: '现金' } as const;
