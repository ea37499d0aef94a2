/**
 * The tables whose rows the audit chain covers: every row of a case file and the catalog rows
 * (projects, parties) cases point at. Each row written by an action gets the SHA-256 of its content
 * in event_rows, bound into the event's hash; verify recomputes every row and compares.
 *
 * `ignore` lists derived columns the app refreshes in bulk without an event (they are recomputed
 * from the audited columns, so leaving them out hides nothing). `updated_at` is left out of every
 * table: services touch it after the change (and its event) to mark the case as changed; the
 * event's own time is what the chain records.
 */
export const ignoredEverywhere = ['updated_at'];

export type AuditedTable = { name: string; label: string; ignore?: readonly string[] };

export const auditedTables: readonly AuditedTable[] = [
  { name: 'projects', label: '工程项目' },
  { name: 'organisations', label: '单位或个人' },
  { name: 'project_parties', label: '项目承包链' },
  // next_due_on: the earliest open deadline, recomputed from the case's dates (settings, holidays.json)
  { name: 'cases', label: '案件', ignore: ['next_due_on'] },
  { name: 'case_respondents', label: '被申请人' },
  { name: 'workers', label: '申请人' },
  { name: 'claim_items', label: '仲裁请求' },
  { name: 'missing_materials', label: '容缺材料' },
  { name: 'exhibits', label: '证据' },
  { name: 'inspection_tracks', label: '监察程序' },
  { name: 'inspection_steps', label: '监察步骤' },
  { name: 'mediation_sessions', label: '调解记录' },
  { name: 'settlement_items', label: '调解金额' },
  { name: 'instalments', label: '分期计划' },
  { name: 'payments', label: '支付记录' },
  { name: 'hearings', label: '开庭安排' },
  { name: 'hearing_record_steps', label: '庭审笔录' },
  { name: 'cross_examinations', label: '质证意见' },
  { name: 'awards', label: '裁决书' },
  { name: 'award_items', label: '裁决金额' },
  { name: 'documents', label: '文书' },
  { name: 'document_services', label: '送达记录' },
  { name: 'suspensions', label: '中止' },
  { name: 'warnings', label: '预警' },
  { name: 'case_tribunals', label: '组庭' },
  { name: 'hearing_attendance', label: '到庭情况' },
  { name: 'liabilities', label: '责任承担' },
  { name: 'court_actions', label: '起诉与撤裁' },
  { name: 'respondent_services', label: '受理送达' },
  { name: 'withdrawal_applications', label: '撤回申请' },
  { name: 'claim_withdrawals', label: '撤回部分请求' },
  { name: 'document_numbers', label: '文书编号' },
  // who may sign in and with which roles and password; the sign-in bookkeeping changes on every attempt without an event
  { name: 'accounts', label: '账号', ignore: ['failed_logins', 'last_failed_at', 'last_login_at'] },
];

/**
 * Every other table, and why the chain does not cover its rows. A test fails when a table is in
 * neither list, so a new table is a decision, not an accident.
 */
export const unauditedTables: Record<string, string> = {
  case_events: 'the chain itself',
  event_rows: 'part of the chain (bound into each event hash)',
  evidence_files: 'facts about a stored file (size, type), written when the file enters the store; the file is named by its SHA-256 and the audited exhibits rows point at it',
  commissions: 'installation settings, changed through settings.update',
  minimum_wages: 'installation settings, changed through settings.update',
  case_number_sequences: 'a counter; the case numbers it hands out are in the audited cases rows',
  sessions: 'sign-in sessions (hashed tokens), opened and closed by signing in and out',
  rooms: 'settings of the hearing calendar',
  backup_settings: 'installation settings',
  holiday_notices: 'installation settings: the holiday notices entered in settings (the calendar)',
  number_sequences: 'counters; the numbers they hand out are in the audited document_numbers rows',
  daily_received: "the dashboard's daily figures, kept by triggers from the audited cases rows",
  daily_closed: "the dashboard's daily figures, kept by triggers from the audited cases rows",
  daily_paid: "the dashboard's daily figures, kept by triggers from the audited payments rows",
  deferred_indexes: 'bookkeeping of indexes dropped during a bulk load and rebuilt after it',
  __drizzle_migrations: 'schema bookkeeping',
};

/** FTS5 search index tables (case_search and its shadow tables): derived from audited rows. */
export const isDerivedIndexTable = (name: string) => name === 'case_search' || name.startsWith('case_search_');

export const tableLabel = (name: string) => auditedTables.find((t) => t.name === name)?.label ?? name;
