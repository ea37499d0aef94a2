import type { VerifyReport } from './evidence';
import type { PresentationPayload } from './presentation';
import type { VerifyProgress } from './audit';
import type { BackupProgress } from './backups';

/** Events pushed from backend to every window (SSE in the web host, IPC in Electron). */
export type AppEvent =
  | { type: 'cases.changed'; caseId: number }
  | { type: 'settings.changed' }
  | { type: 'evidence.importProgress'; importId: string; fileName: string; bytes: number; total: number | null }
  | { type: 'evidence.verifyProgress'; report: VerifyReport }
  | { type: 'presentation.changed'; payload: PresentationPayload }
  | { type: 'hearings.changed'; hearingId: number; caseId: number }
  | { type: 'audit.verifyProgress'; progress: VerifyProgress }
  | { type: 'backups.progress'; progress: BackupProgress }
  | { type: 'backups.changed' };
