import type { z } from 'zod';
import { accountsContract } from './accounts';
import { settingsContract } from './settings';
import { casesContract } from './cases';
import { evidenceContract } from './evidence';
import { inspectionContract } from './inspection';
import { bundleContract } from './bundle';
import { mediationContract } from './mediation';
import { hearingsContract } from './hearings';
import { presentationContract } from './presentation';
import { documentsContract } from './documents';
import { awardContract } from './award';
import { closingContract } from './closing';
import { dashboardContract } from './dashboard';
import { auditContract } from './audit';
import { backupsContract } from './backups';
import { courtActionsContract } from './courtActions';

/**
 * The one contract: every backend method with its input and output schema, who may call it,
 * whether it only reads and which hosts offer it. Main (IPC), preload, the web host, the
 * dispatcher and the renderer's client are all derived from this object. One file per feature.
 */
export const contract = {
  ...accountsContract,
  ...settingsContract,
  ...casesContract,
  ...evidenceContract,
  ...inspectionContract,
  ...bundleContract,
  ...mediationContract,
  ...hearingsContract,
  ...presentationContract,
  ...documentsContract,
  ...awardContract,
  ...closingContract,
  ...dashboardContract,
  ...auditContract,
  ...backupsContract,
  ...courtActionsContract,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const methodNames = Object.keys(contract) as MethodName[];

export * from './spec';
export * from './fields';
export * from './errors';
export * from './events';
export * from './accounts';
export * from './settings';
export * from './cases';
export * from './evidence';
export * from './inspection';
export * from './bundle';
export * from './mediation';
export * from './hearings';
export * from './presentation';
export * from './documents';
export * from './award';
export * from './closing';
export * from './dashboard';
export * from './audit';
export * from './backups';
export * from './liability';
export * from './courtActions';
