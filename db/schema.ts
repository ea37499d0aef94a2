
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** The arbitration commission this installation serves (one row today). */
export const commissions = sqliteTable('commissions', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  caseNumberPattern: text('case_number_pattern').notNull(),
  fastTrackTargetDays: integer('fast_track_target_days').notNull().default(30),
  /** Minutes without input after which the screen locks and asks for the password again. */
  idleLockMinutes: integer('idle_lock_minutes').notNull().default(15),
  /** 拒不支付劳动报酬罪 "数额较大" thresholds of the province (法释〔2013〕3号 Art 3), in fen. */
  policeThresholdOneWorkerFen: integer('police_threshold_one_worker_fen').notNull().default(1_000_000),
  policeThresholdTenWorkersFen: integer('police_threshold_ten_workers_fen').notNull().default(6_000_000),
  /**
   * Days after which a notice by publication (公告送达) is deemed served; the period is excluded from
   * the arbitration period (Rules Art 46(6)). 30 under the civil procedure law since 2022.
   */
  publicationPeriodDays: integer('publication_period_days').notNull().default(30),
  /** Address and contact lines printed on documents. */
  address: text('address'),
  phone: text('phone'),
  /** Number series of the commission's and the labour authority's other documents (patterns like the case number). */
  rejectionNumberPattern: text('rejection_number_pattern').notNull().default('赣市劳人仲不字〔{year}〕第{n}号'),
  correctionOrderNumberPattern: text('correction_order_number_pattern').notNull().default('赣市人社监令〔{year}〕{n}号'),
  policeTransferNumberPattern: text('police_transfer_number_pattern').notNull().default('赣市人社监移〔{year}〕{n}号'),
  /** Documents served on the parties show workers' ID numbers masked (保留前6后4). */
  maskWorkerIds: integer('mask_worker_ids', { mode: 'boolean' }).notNull().default(true),
  updatedAt: text('updated_at').notNull(),
});

/** Last number handed out per commission, series (rejection, correctionOrder, policeTransfer) and year. */
export const numberSequences = sqliteTable(
  'number_sequences',
  {
    commissionId: integer('commission_id').notNull().references(() => commissions.id),
    series: text('series').notNull(),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [primaryKey({ columns: [t.commissionId, t.series, t.year] })],
);

/** A number given to one document of a case (不予受理通知书, 限期改正指令书, 移送书): once, never reused. */
export const documentNumbers = sqliteTable(
  'document_numbers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    series: text('series').notNull(),
    /** What inside the case the number is for, e.g. '' (the rejection) or '<step id>:<variant>'. */
    subject: text('subject').notNull(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    number: text('number').notNull(),
    assignedAt: text('assigned_at').notNull(),
  },
  (t) => [uniqueIndex('document_numbers_subject').on(t.caseId, t.series, t.subject), uniqueIndex('document_numbers_seq').on(t.series, t.year, t.seq)],
);

/** A State Council holiday notice entered in settings: festivals with their days off and make-up working days. */
export const holidayNotices = sqliteTable('holiday_notices', {
  year: integer('year').primaryKey(),
  source: text('source').notNull(),
  /** JSON array of { name, from, to, workdays: string[] }. */
  festivals: text('festivals').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** Local monthly minimum wage, by effective date (final-award threshold = 12 × this). */
export const minimumWages = sqliteTable(
  'minimum_wages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    commissionId: integer('commission_id').notNull().references(() => commissions.id),
    effectiveOn: text('effective_on').notNull(),
    monthlyFen: integer('monthly_fen').notNull(),
    /** Entered by the demo generator: shown as 演示数据，请核对 until an admin confirms it (settings.confirmMinimumWage). */
    isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [uniqueIndex('minimum_wages_commission_effective').on(t.commissionId, t.effectiveOn)],
);

/** Last case number handed out per commission and year; never decremented. */
export const caseNumberSequences = sqliteTable(
  'case_number_sequences',
  {
    commissionId: integer('commission_id').notNull().references(() => commissions.id),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [primaryKey({ columns: [t.commissionId, t.year] })],
);

export const projects = sqliteTable(
  'projects',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    address: text('address'),
    permitNumber: text('permit_number'),
    contractPriceFen: integer('contract_price_fen'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('projects_name').on(t.name)],
);

/** A respondent: a company (credit code) or a natural person such as a team leader. */
export const organisations = sqliteTable(
  'organisations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['company', 'person'] }).notNull(),
    name: text('name').notNull(),
    creditCode: text('credit_code'),
    idNumber: text('id_number'),
    legalRepresentative: text('legal_representative'),
    address: text('address'),
    phone: text('phone'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('organisations_name').on(t.name),
    uniqueIndex('organisations_credit_code').on(t.creditCode),
    index('organisations_id_number').on(t.idNumber),
  ],
);

/** The project chain: who took part in which role, and who contracted them. */
export const projectParties = sqliteTable(
  'project_parties',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id').notNull().references(() => projects.id),
    organisationId: integer('organisation_id').notNull().references(() => organisations.id),
    role: text('role', { enum: ['owner', 'generalContractor', 'subcontractor', 'labourSubcontractor', 'teamLeader'] }).notNull(),
    contractedById: integer('contracted_by_id').references(() => organisations.id),
  },
  (t) => [
    uniqueIndex('project_parties_unique').on(t.projectId, t.organisationId, t.role),
    index('project_parties_organisation').on(t.organisationId),
  ],
);

export const cases = sqliteTable(
  'cases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Stable identity across machines (bundle export/import); filled at creation. */
    uid: text('uid'),
    commissionId: integer('commission_id').notNull().references(() => commissions.id),
    caseNumber: text('case_number'),
    caseYear: integer('case_year'),
    caseSeq: integer('case_seq'),
    channel: text('channel', { enum: ['walkIn', 'hotline12345', 'stateCouncilPlatform', 'inspectionReferral', 'warning'] }).notNull(),
    stage: text('stage', { enum: ['filing', 'mediation', 'hearing', 'closing'] }).notNull().default('filing'),
    status: text('status', { enum: ['received', 'accepted', 'rejected', 'closed'] }).notNull().default('received'),
    procedure: text('procedure', { enum: ['simplified', 'ordinary'] }).notNull().default('simplified'),
    isCollective: integer('is_collective', { mode: 'boolean' }).notNull().default(false),
    projectId: integer('project_id').references(() => projects.id),
    cause: text('cause').notNull().default('追索劳动报酬'),
    /** False while the case is only an inspection complaint; true once an arbitration claim is filed. */
    hasArbitration: integer('has_arbitration', { mode: 'boolean' }).notNull().default(true),
    receivedOn: text('received_on').notNull(),
    acceptedOn: text('accepted_on'),
    acceptedWithGaps: integer('accepted_with_gaps', { mode: 'boolean' }).notNull().default(false),
    materialsPromise: text('materials_promise'),
    materialsCompletedOn: text('materials_completed_on'),
    rejectedOn: text('rejected_on'),
    rejectionReason: text('rejection_reason'),
    respondentServedOn: text('respondent_served_on'),
    awardExtensionDays: integer('award_extension_days').notNull().default(0),
    closedOn: text('closed_on'),
    /** 快调 outcome and the mediation document's signed receipts (effective when both parties signed). */
    /** 快结: how the case ended, and whether on time against the statutory and fast-track deadlines. */
    closingMethod: text('closing_method', {
      enum: ['mediation', 'finalAward', 'nonFinalAward', 'withdrawal', 'deemedWithdrawal', 'rejection', 'transfer'],
    }),
    closedOnTime: integer('closed_on_time', { mode: 'boolean' }),
    /**
     * For a case closed by award: whether its items were all final, all non-final or both (a split
     * award, 部分终局, Law Arts 47/48), fixed at closing. The dashboard's finality figures and the
     * case list they open both read it.
     */
    awardFinality: text('award_finality', { enum: ['final', 'mixed', 'nonFinal'] }),
    closedWithinFastTrack: integer('closed_within_fast_track', { mode: 'boolean' }),
    daysToClose: integer('days_to_close'),
    extensionApprovedBy: text('extension_approved_by'),
    extensionReason: text('extension_reason'),
    mediationOutcome: text('mediation_outcome', { enum: ['settled', 'partlySettled', 'failed'] }),
    mediationSignedByWorkersOn: text('mediation_signed_by_workers_on'),
    mediationSignedByRespondentOn: text('mediation_signed_by_respondent_on'),
    nextDueOn: text('next_due_on'),
    workerCount: integer('worker_count').notNull().default(0),
    claimedTotalFen: integer('claimed_total_fen').notNull().default(0),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('cases_case_number').on(t.caseNumber),
    uniqueIndex('cases_uid').on(t.uid),
    index('cases_received_on').on(t.receivedOn, t.id),
    index('cases_stage').on(t.stage, t.receivedOn),
    index('cases_channel').on(t.channel, t.receivedOn),
    index('cases_next_due_on').on(t.nextDueOn),
    index('cases_project').on(t.projectId),
    index('cases_status').on(t.status),
    // the cases closed in a period, with every column a dashboard figure counts by (method, on time,
    // within the fast-track target, days to close, award finality) and the list's order: each
    // figure's case list is counted and paged from this index alone, without reading the cases
    index('cases_closed_figures').on(t.closedOn, t.closingMethod, t.closedWithinFastTrack, t.closedOnTime, t.daysToClose, t.awardFinality, t.receivedOn),
    index('cases_accepted_on').on(t.acceptedOn),
    // "第3号" / "3": case numbers by their sequence number, newest year first
    index('cases_case_seq').on(t.caseSeq, t.caseYear),
  ],
);

export const caseRespondents = sqliteTable(
  'case_respondents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id').notNull().references(() => organisations.id),
    role: text('role', { enum: ['owner', 'generalContractor', 'subcontractor', 'labourSubcontractor', 'teamLeader'] }).notNull(),
    sortOrder: integer('sort_order').notNull(),
  },
  (t) => [index('case_respondents_case').on(t.caseId), index('case_respondents_organisation').on(t.organisationId)],
);

/** Service of the application copy (应诉通知书 with the 仲裁申请书副本) on one respondent: its defence period runs from here. */
export const respondentServices = sqliteTable(
  'respondent_services',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id').notNull().references(() => organisations.id),
    servedOn: text('served_on').notNull(),
    method: text('method', { enum: ['inPerson', 'post', 'left', 'electronic', 'publication'] }).notNull(),
    note: text('note'),
    /** Simplified procedure: the respondent agreed to shorten or waive its defence period (its words, when and how). */
    defenceWaiver: text('defence_waiver'),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [uniqueIndex('respondent_services_party').on(t.caseId, t.organisationId)],
);

/** 撤回仲裁申请: the applicant's request, recorded before the tribunal decides on it. */
export const withdrawalApplications = sqliteTable('withdrawal_applications', {
  caseId: integer('case_id')
    .primaryKey()
    .references(() => cases.id, { onDelete: 'cascade' }),
  appliedOn: text('applied_on').notNull(),
  /** Who filed it: the worker(s) or representatives, as written on the application. */
  appliedBy: text('applied_by').notNull(),
  reason: text('reason').notNull().default(''),
  /** Collective case: date and record of the represented workers' consent (cf. 民事诉讼法 Art 56 on representatives). */
  consentOn: text('consent_on'),
  consentNote: text('consent_note'),
  recordedAt: text('recorded_at').notNull(),
});

export const workers = sqliteTable(
  'workers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    sortOrder: integer('sort_order').notNull(),
    name: text('name').notNull(),
    nameInitials: text('name_initials').notNull(),
    idNumber: text('id_number').notNull(),
    sex: text('sex', { enum: ['male', 'female'] }),
    birthDate: text('birth_date'),
    phone: text('phone'),
    jobType: text('job_type'),
    team: text('team'),
    daysWorked: real('days_worked'),
    dailyWageFen: integer('daily_wage_fen'),
    dueFen: integer('due_fen'),
    paidFen: integer('paid_fen'),
    owedFen: integer('owed_fen').notNull(),
    bankCard: text('bank_card'),
    note: text('note'),
    isRepresentative: integer('is_representative', { mode: 'boolean' }).notNull().default(false),
    /** A 15-digit first-generation ID accepted as an exception: the recorded reason. */
    idNumberNote: text('id_number_note'),
  },
  (t) => [
    uniqueIndex('workers_case_id_number').on(t.caseId, t.idNumber),
    index('workers_id_number').on(t.idNumber),
    index('workers_case_order').on(t.caseId, t.sortOrder),
  ],
);

export const claimItems = sqliteTable(
  'claim_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    workerId: integer('worker_id').notNull().references(() => workers.id, { onDelete: 'cascade' }),
    type: text('type', { enum: ['unpaidWages', 'overtime', 'compensation', 'damages', 'other'] }).notNull(),
    amountFen: integer('amount_fen').notNull(),
    note: text('note'),
  },
  (t) => [index('claim_items_case').on(t.caseId), index('claim_items_worker').on(t.workerId)],
);

/**
 * 撤回部分仲裁请求: one claim item of one worker withdrawn, with the withdrawal on record (the date,
 * who applied — the worker, or the representative with the represented workers' consent in a
 * collective case — and the reason). A withdrawn item is no longer decided: the full 调解书 needs
 * every other item agreed; the award, finality and enforcement leave it out and say it was withdrawn.
 */
export const claimWithdrawals = sqliteTable(
  'claim_withdrawals',
  {
    claimItemId: integer('claim_item_id')
      .primaryKey()
      .references(() => claimItems.id, { onDelete: 'cascade' }),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    withdrawnOn: text('withdrawn_on').notNull(),
    appliedBy: text('applied_by', { enum: ['worker', 'representative'] }).notNull(),
    /** The name signed on the application (the worker, or the representative). */
    applicantName: text('applicant_name').notNull(),
    reason: text('reason').notNull().default(''),
    consentOn: text('consent_on'),
    consentNote: text('consent_note'),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [index('claim_withdrawals_case').on(t.caseId)],
);

export const missingMaterials = sqliteTable(
  'missing_materials',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    completedOn: text('completed_on'),
  },
  (t) => [index('missing_materials_case').on(t.caseId)],
);

/**
 * The case timeline and the audit chain: one row per mutating service call (case_id null for an
 * event not about one case: backups, settings, the chain's start). `seq`, `prev_hash` and `hash`
 * chain every event of the data folder (electron/services/audit); `case_prev_hash` links the
 * events of one case so a case bundle can be verified on its own; `rows_digest` covers the rows
 * the action wrote (listed in event_rows). Hash columns are null only before the chain's start.
 */
export const caseEvents = sqliteTable(
  'case_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').references(() => cases.id, { onDelete: 'cascade' }),
    at: text('at').notNull(),
    /** The signed-in account's name at the time (系统 / 演示数据 for the built-in accounts). */
    actor: text('actor').notNull(),
    /** The signed-in account (null for the built-in accounts, events older than accounts, and events imported from a bundle). */
    actorId: integer('actor_id'),
    action: text('action').notNull(),
    summary: text('summary').notNull(),
    before: text('before'),
    after: text('after'),
    seq: integer('seq'),
    prevHash: text('prev_hash'),
    casePrevHash: text('case_prev_hash'),
    rowsDigest: text('rows_digest'),
    /** An event imported from a case bundle: its hash at the agency that exported it. */
    sourceHash: text('source_hash'),
    hash: text('hash'),
  },
  (t) => [index('case_events_case_at').on(t.caseId, t.at), uniqueIndex('case_events_seq').on(t.seq), index('case_events_case_seq').on(t.caseId, t.seq)],
);

/**
 * The rows each event wrote, with the SHA-256 of their content then (null: deleted). The latest
 * entry of a row is what verify compares the row with; the entries of an event make its rows_digest.
 */
export const eventRows = sqliteTable('event_rows', {
  id: integer('id').primaryKey(),
  seq: integer('seq').notNull(),
  tableName: text('table_name').notNull(),
  rowKey: text('row_key').notNull(),
  digest: text('digest'),
});

/** Where backups go and how many to keep (one row); the web host may fix the folder at start instead. */
export const backupSettings = sqliteTable('backup_settings', {
  id: integer('id').primaryKey(),
  folder: text('folder'),
  keep: integer('keep').notNull().default(10),
});

/** One stored file, content-addressed: evidence/<first two hex>/<sha256>. Stored once however often used. */
export const evidenceFiles = sqliteTable('evidence_files', {
  sha256: text('sha256').primaryKey(),
  size: integer('size').notNull(),
  mime: text('mime').notNull(),
  extension: text('extension'),
  pageCount: integer('page_count'),
  storedAt: text('stored_at').notNull(),
});

/** An exhibit in a case's evidence list (证据一、证据二…), pointing at a stored file. */
export const exhibits = sqliteTable(
  'exhibits',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    uid: text('uid').notNull(),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    fileSha256: text('file_sha256').notNull().references(() => evidenceFiles.sha256),
    seq: integer('seq').notNull(),
    title: text('title').notNull(),
    fileName: text('file_name').notNull(),
    submittedBy: text('submitted_by', { enum: ['applicant', 'respondent', 'inspection', 'arbitration', 'housingBureau', 'other'] }).notNull(),
    collectedBy: text('collected_by'),
    receivedOn: text('received_on').notNull(),
    purposeOfProof: text('purpose_of_proof').notNull().default(''),
    originalSeen: integer('original_seen', { mode: 'boolean' }).notNull().default(false),
    /** Which track gathered it; the other track uses it by reference once recognised (共享互认). */
    track: text('track', { enum: ['arbitration', 'inspection'] }).notNull(),
    recognisedBy: text('recognised_by'),
    recognisedAt: text('recognised_at'),
    crossExaminedOn: text('cross_examined_on'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('exhibits_case_seq').on(t.caseId, t.seq), index('exhibits_file').on(t.fileSha256), uniqueIndex('exhibits_uid').on(t.uid)],
);

/** The labour-inspection track of a joint case (监察执法). */
export const inspectionTracks = sqliteTable('inspection_tracks', {
  caseId: integer('case_id')
    .primaryKey()
    .references(() => cases.id, { onDelete: 'cascade' }),
  complaintNumber: text('complaint_number'),
  complaintReceivedOn: text('complaint_received_on').notNull(),
  filedOn: text('filed_on'),
  inspectors: text('inspectors').notNull().default(''),
  investigationExtended: integer('investigation_extended', { mode: 'boolean' }).notNull().default(false),
  closedOn: text('closed_on'),
});

/** Steps of the inspection track: 询问笔录, 限期改正指令书 (with its pay-by date), 行政处理决定. */
export const inspectionSteps = sqliteTable(
  'inspection_steps',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['inquiryRecord', 'correctionOrder', 'administrativeDecision', 'other'] }).notNull(),
    date: text('date').notNull(),
    title: text('title').notNull(),
    payBy: text('pay_by'),
    note: text('note'),
    exhibitId: integer('exhibit_id').references(() => exhibits.id),
  },
  (t) => [index('inspection_steps_case').on(t.caseId, t.date)],
);

// ── 快调 quick-mediate ─────────────────────────────────────────────────────────────────────────

/** A mediation session at the table: who came, what was said, how it ended. */
export const mediationSessions = sqliteTable(
  'mediation_sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    heldOn: text('held_on').notNull(),
    mediator: text('mediator').notNull(),
    /** JSON array of { role, name } (代表人, 公司人员, 监察员, 住建联络员 …). */
    attendees: text('attendees').notNull().default('[]'),
    notes: text('notes').notNull().default(''),
    outcome: text('outcome', { enum: ['pending', 'settled', 'partlySettled', 'failed'] }).notNull().default('pending'),
    track: text('track', { enum: ['arbitration', 'inspection'] }).notNull().default('arbitration'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('mediation_sessions_case').on(t.caseId, t.heldOn)],
);

/** The agreed amount for one claim item (null agreed = not settled here: goes on to the hearing). */
export const settlementItems = sqliteTable(
  'settlement_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    workerId: integer('worker_id').notNull().references(() => workers.id, { onDelete: 'cascade' }),
    claimItemId: integer('claim_item_id').notNull().references(() => claimItems.id, { onDelete: 'cascade' }),
    agreedFen: integer('agreed_fen'),
    payBy: text('pay_by'),
    method: text('method', { enum: ['bankTransfer', 'cash'] }),
    /** Which track's mediation reached it; an inspection agreement can be converted (置换). */
    track: text('track', { enum: ['arbitration', 'inspection'] }).notNull().default('arbitration'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('settlement_items_claim').on(t.claimItemId), index('settlement_items_case').on(t.caseId, t.workerId)],
);

/** An instalment of a worker's agreed (or awarded) amount. */
export const instalments = sqliteTable(
  'instalments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    workerId: integer('worker_id').notNull().references(() => workers.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    dueOn: text('due_on').notNull(),
    amountFen: integer('amount_fen').notNull(),
  },
  (t) => [index('instalments_case').on(t.caseId, t.workerId, t.seq), index('instalments_due').on(t.dueOn)],
);

/** Money that reached a worker: paid on the spot at the table, or later against an instalment. */
export const payments = sqliteTable(
  'payments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    workerId: integer('worker_id').notNull().references(() => workers.id, { onDelete: 'cascade' }),
    amountFen: integer('amount_fen').notNull(),
    paidAt: text('paid_at').notNull(),
    method: text('method', { enum: ['bankTransfer', 'cash'] }).notNull(),
    reference: text('reference'),
    exhibitId: integer('exhibit_id').references(() => exhibits.id),
    instalmentId: integer('instalment_id').references(() => instalments.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('payments_case').on(t.caseId, t.workerId),
    index('payments_instalment').on(t.instalmentId),
    // the dashboard's "amount recovered in a period": a covering range scan
    index('payments_paid_at').on(t.paidAt, t.amountFen),
  ],
);

// ── 快审 quick-hear ────────────────────────────────────────────────────────────────────────────

/**
 * Everyone who signs in: tribunal staff (arbitrators and clerks named on hearings and awards),
 * inspectors, mediators, administrators and observers. One person may hold several roles. Nobody
 * is deleted — an account that leaves is disabled, so its history keeps its name.
 */
export const accounts = sqliteTable(
  'accounts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Sign-in name, stored trimmed and lower-case (ASCII), unique. */
    username: text('username').notNull(),
    name: text('name').notNull(),
    /** JSON array of roles (admin, arbitrator, clerk, inspector, mediator, observer). */
    roles: text('roles').notNull().default('[]'),
    /** scrypt$N$r$p$salt$hash (node:crypto); null until the administrator sets a first password. */
    passwordHash: text('password_hash'),
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(true),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    /** Failed sign-ins in a row, and when the last one was: the growing delay. */
    failedLogins: integer('failed_logins').notNull().default(0),
    lastFailedAt: text('last_failed_at'),
    lastLoginAt: text('last_login_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('accounts_username').on(t.username)],
);

/** A signed-in session (a browser's cookie or a desktop window); only the token's SHA-256 is kept. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tokenHash: text('token_hash').notNull(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id),
    host: text('host', { enum: ['web', 'electron'] }).notNull(),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    /** Set while the screen is locked (idle): only unlocking, signing out and the status are served. */
    lockedAt: text('locked_at'),
  },
  (t) => [uniqueIndex('sessions_token_hash').on(t.tokenHash), index('sessions_account').on(t.accountId)],
);

export const rooms = sqliteTable('rooms', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  location: text('location'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
});

/** A scheduled hearing. Times are China local 'YYYY-MM-DDTHH:mm'. */
export const hearings = sqliteTable(
  'hearings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    startsAt: text('starts_at').notNull(),
    endsAt: text('ends_at').notNull(),
    roomId: integer('room_id').notNull().references(() => rooms.id),
    procedure: text('procedure', { enum: ['simplified', 'ordinary'] }).notNull(),
    presidingId: integer('presiding_id').notNull().references(() => accounts.id),
    /** The two other arbitrators of an ordinary (three-member) tribunal. */
    wingIds: text('wing_ids').notNull().default('[]'),
    clerkId: integer('clerk_id').notNull().references(() => accounts.id),
    noticeServedOn: text('notice_served_on'),
    /** Simplified procedure: the parties agreed to waive the notice period (recorded consent). */
    noticeWaived: integer('notice_waived', { mode: 'boolean' }).notNull().default(false),
    noticeWaiverNote: text('notice_waiver_note'),
    status: text('status', { enum: ['scheduled', 'held', 'cancelled'] }).notNull().default('scheduled'),
    applicantPresent: integer('applicant_present', { mode: 'boolean' }),
    respondentPresent: integer('respondent_present', { mode: 'boolean' }),
    /** held / default (respondent absent) / deemedWithdrawal (applicant absent). */
    outcome: text('outcome', { enum: ['held', 'default', 'deemedWithdrawal'] }),
    /** When the hearing actually opened and closed (China local 'YYYY-MM-DDTHH:mm'), for the record. */
    openedAt: text('opened_at'),
    closedAt: text('closed_at'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('hearings_starts').on(t.startsAt),
    index('hearings_case').on(t.caseId),
    index('hearings_room').on(t.roomId, t.startsAt),
  ],
);

/** The hearing record (庭审笔录), one row per step of the hearing order; autosaved. */
export const hearingRecordSteps = sqliteTable(
  'hearing_record_steps',
  {
    hearingId: integer('hearing_id').notNull().references(() => hearings.id, { onDelete: 'cascade' }),
    step: text('step').notNull(),
    content: text('content').notNull().default(''),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.hearingId, t.step] })],
);

/** 质证: one party's view of one exhibit (真实性/合法性/关联性), and the tribunal's finding. */
export const crossExaminations = sqliteTable(
  'cross_examinations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    exhibitId: integer('exhibit_id').notNull().references(() => exhibits.id, { onDelete: 'cascade' }),
    hearingId: integer('hearing_id').references(() => hearings.id),
    party: text('party', { enum: ['applicant', 'respondent', 'tribunal'] }).notNull(),
    authenticity: text('authenticity', { enum: ['accepted', 'disputed', 'noView'] }),
    legality: text('legality', { enum: ['accepted', 'disputed', 'noView'] }),
    relevance: text('relevance', { enum: ['accepted', 'disputed', 'noView'] }),
    opinion: text('opinion').notNull().default(''),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [uniqueIndex('cross_examinations_unique').on(t.exhibitId, t.hearingId, t.party)],
);

// ── 快结: award, documents, suspension, warnings ──────────────────────────────────────────────

/** The award being drafted or issued for a case. */
export const awards = sqliteTable('awards', {
  caseId: integer('case_id')
    .primaryKey()
    .references(() => cases.id, { onDelete: 'cascade' }),
  decidedOn: text('decided_on'),
  defence: text('defence').notNull().default(''),
  factsFound: text('facts_found').notNull().default(''),
  evidenceRelied: text('evidence_relied').notNull().default(''),
  reasoning: text('reasoning').notNull().default(''),
  issuedAt: text('issued_at'),
  updatedAt: text('updated_at').notNull(),
});

/** The decision on one claim item; finality is computed against 12 × the minimum wage on the award date. */
export const awardItems = sqliteTable(
  'award_items',
  {
    claimItemId: integer('claim_item_id')
      .primaryKey()
      .references(() => claimItems.id, { onDelete: 'cascade' }),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    awardedFen: integer('awarded_fen').notNull(),
    isFinal: integer('is_final', { mode: 'boolean' }),
  },
  (t) => [index('award_items_case').on(t.caseId)],
);

/** Every generated document, kept with its version; regenerating makes a new version. */
export const documents = sqliteTable(
  'documents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    /** e.g. a party or worker the copy is addressed to, or 'final' / 'nonFinal' for a split award. */
    variant: text('variant').notNull().default(''),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    generatedAt: text('generated_at').notNull(),
    /** SHA-256 of the data the document was built from: same data → no new version. */
    dataHash: text('data_hash').notNull(),
  },
  (t) => [index('documents_case').on(t.caseId, t.kind, t.variant, t.version)],
);

/** Service of a document on a recipient (送达), with its method; the receipt is a document too. */
export const documentServices = sqliteTable(
  'document_services',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    documentId: integer('document_id').notNull().references(() => documents.id, { onDelete: 'cascade' }),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    recipient: text('recipient').notNull(),
    /** The party served (a worker or a respondent organisation); null for someone else (e.g. 代收人 only). */
    partyKind: text('party_kind', { enum: ['worker', 'respondent'] }),
    partyId: integer('party_id'),
    method: text('method', { enum: ['inPerson', 'post', 'left', 'electronic', 'publication'] }).notNull(),
    servedOn: text('served_on'),
    note: text('note'),
  },
  (t) => [index('document_services_case').on(t.caseId), index('document_services_document').on(t.documentId)],
);

/** 中止: the clock stops from `fromOn` until `toOn` (Rules Art 47), with the chair's approval. */
export const suspensions = sqliteTable(
  'suspensions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    fromOn: text('from_on').notNull(),
    toOn: text('to_on'),
    reason: text('reason').notNull(),
    approvedBy: text('approved_by').notNull(),
  },
  (t) => [index('suspensions_case').on(t.caseId)],
);

/** Follow-through warnings after closing: unpaid instalment or award, ignored correction order. */
export const warnings = sqliteTable(
  'warnings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['instalmentOverdue', 'awardUnpaid', 'correctionOverdue'] }).notNull(),
    /** What it is about, e.g. the instalment id; with kind it keeps one open warning per subject. */
    subject: text('subject').notNull(),
    raisedOn: text('raised_on').notNull(),
    detail: text('detail').notNull(),
    resolvedOn: text('resolved_on'),
    resolution: text('resolution', { enum: ['paid', 'enforcement', 'police', 'dismissed'] }),
  },
  (t) => [uniqueIndex('warnings_subject').on(t.caseId, t.kind, t.subject), index('warnings_open').on(t.resolvedOn)],
);

// ── 快结 outcomes: who pays, the tribunal, attendance, court actions ───────────────────────────

/**
 * The liability of one respondent for one agreed (mediation) or awarded (award) claim item
 * (electron/core/liability.ts). An item without rows takes the default from the contracting chain.
 */
export const liabilities = sqliteTable(
  'liabilities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    claimItemId: integer('claim_item_id').notNull().references(() => claimItems.id, { onDelete: 'cascade' }),
    respondentId: integer('respondent_id').notNull().references(() => caseRespondents.id, { onDelete: 'cascade' }),
    instrument: text('instrument', { enum: ['mediation', 'award'] }).notNull(),
    kind: text('kind', { enum: ['employer', 'contractingUnit', 'payFirst', 'advance', 'joint', 'none'] }).notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('liabilities_item').on(t.claimItemId, t.respondentId, t.instrument), index('liabilities_case').on(t.caseId, t.instrument)],
);

/** 组庭: the tribunal of a case (Law Arts 31–32), told to the parties by the 组庭通知书. */
export const caseTribunals = sqliteTable('case_tribunals', {
  caseId: integer('case_id')
    .primaryKey()
    .references(() => cases.id, { onDelete: 'cascade' }),
  procedure: text('procedure', { enum: ['simplified', 'ordinary'] }).notNull(),
  presidingId: integer('presiding_id').notNull().references(() => accounts.id),
  /** The two other arbitrators of a three-member tribunal (JSON array of account ids). */
  wingIds: text('wing_ids').notNull().default('[]'),
  clerkId: integer('clerk_id').references(() => accounts.id),
  composedOn: text('composed_on').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** Who came to a hearing: each respondent, each representative (or worker), and by whom. */
export const hearingAttendance = sqliteTable(
  'hearing_attendance',
  {
    hearingId: integer('hearing_id').notNull().references(() => hearings.id, { onDelete: 'cascade' }),
    party: text('party', { enum: ['respondent', 'worker'] }).notNull(),
    /** case_respondents.id or workers.id */
    partyId: integer('party_id').notNull(),
    present: integer('present', { mode: 'boolean' }).notNull(),
    /** Who appeared for the party (法定代表人, 委托代理人 …), free text. */
    attendedBy: text('attended_by'),
  },
  (t) => [primaryKey({ columns: [t.hearingId, t.party, t.partyId] })],
);

/** A suit against the award (Law Arts 48, 50) or an application to set a final award aside (Art 49). */
export const courtActions = sqliteTable(
  'court_actions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['suit', 'setAside'] }).notNull(),
    filedBy: text('filed_by', { enum: ['applicant', 'respondent'] }).notNull(),
    /** The respondent that filed (case_respondents.id), for filedBy = respondent. */
    respondentId: integer('respondent_id').references(() => caseRespondents.id),
    /** The workers who sued (JSON array of worker ids); null = the applicants as a whole. */
    workerIds: text('worker_ids'),
    part: text('part', { enum: ['final', 'nonFinal'] }).notNull(),
    court: text('court').notNull(),
    filedOn: text('filed_on').notNull(),
    status: text('status', { enum: ['pending', 'withdrawn', 'rejected', 'setAside', 'judged'] }).notNull().default('pending'),
    endedOn: text('ended_on'),
    note: text('note'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('court_actions_case').on(t.caseId)],
);

// ── Dashboard: daily figures, kept by triggers in the same transaction as every write ───────────
// (custom migration daily_figures: the triggers, and the backfill from the rows already stored)

/** Cases received per day (收案): count, workers and amount claimed. */
export const dailyReceived = sqliteTable('daily_received', {
  day: text('day').primaryKey(),
  cases: integer('cases').notNull(),
  workers: integer('workers').notNull(),
  claimedFen: integer('claimed_fen').notNull(),
});

/** Cases closed per day and closing method ('' = none recorded): count, on time, within the fast-track target, days to close. */
export const dailyClosed = sqliteTable(
  'daily_closed',
  {
    day: text('day').notNull(),
    closingMethod: text('closing_method').notNull(),
    cases: integer('cases').notNull(),
    onTime: integer('on_time').notNull(),
    withinFastTrack: integer('within_fast_track').notNull(),
    daysSum: integer('days_sum').notNull(),
    daysCount: integer('days_count').notNull(),
    /** Of `cases`, those closed by a split award (cases.award_finality = 'mixed'). */
    mixedAwards: integer('mixed_awards').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.closingMethod] })],
);

/** Payments per day (by paid_at): the amount recovered. */
export const dailyPaid = sqliteTable('daily_paid', {
  day: text('day').primaryKey(),
  amountFen: integer('amount_fen').notNull(),
});

/**
 * Secondary indexes dropped for a bulk load (the demo) and not yet rebuilt: their CREATE INDEX
 * statements, written in the same transaction as the drop. Normally empty; a bulk load that did not
 * finish leaves them here and the next start builds them.
 */
export const deferredIndexes = sqliteTable('deferred_indexes', {
  name: text('name').primaryKey(),
  sql: text('sql').notNull(),
});
