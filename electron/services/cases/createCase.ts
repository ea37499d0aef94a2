import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { AppFailure, type CaseCreateInput } from '../../core/contract';
import { COLLECTIVE_MIN_WORKERS, claimTypeLabels } from '../../core/domain';
import { COLLECTIVE_TRIBUNAL_BASIS } from '../../core/hearing/schedule';
import { todayInChina } from '../../core/dates';
import { parseYuanToFen, formatYuan } from '../../core/money';
import { nameInitials } from '../../core/pinyin';
import { validateWorkers } from '../../core/workers/validateWorkers';
import { workerFieldLabels } from '../../core/workers/workerDraft';
import { caseRespondents, cases, claimItems, inspectionTracks, organisations, projectParties, projects, workers } from '../../../db/schema';
import type { Executor } from '../../../db/open';
import type { ServiceContext } from '../context';
import { normaliseOrganisation, upsertOrganisation } from '../catalog/organisationsService';
import { indexCase } from '../search/indexCase';
import { appendEvent } from '../timeline';
import { refreshNextDue } from './caseClock';
import { COMMISSION_ID } from '../settings/settingsService';

/** Files a new case (收案): project, respondents and their chain, workers and claim items, in one transaction. */
export function createCase(ctx: ServiceContext, input: CaseCreateInput): { id: number } {
  const now = ctx.now();
  const today = todayInChina(now);
  if (input.receivedOn > today) throw new AppFailure('invalid_input', '收案日期不能晚于今天');

  const { problems, workers: valid } = validateWorkers(input.workers, today);
  const errors = problems.filter((p) => p.level === 'error');
  if (errors.length) {
    const lines = errors.slice(0, 5).map((p) => `申请人第${p.index + 1}行（${workerFieldLabels[p.field]}）：${p.message}`);
    const more = errors.length > 5 ? `；另有${errors.length - 5}处错误` : '';
    throw new AppFailure('invalid_input', lines.join('；') + more);
  }
  const people = valid.map((w, index) => ({ w, index })).filter((x): x is { w: NonNullable<typeof x.w>; index: number } => !!x.w);
  if (!people.length) throw new AppFailure('invalid_input', '至少需要一名申请人');

  const extra = input.extraClaims.map((c, i) => {
    const amount = parseYuanToFen(c.amount);
    if (!amount.ok) throw new AppFailure('invalid_input', `第${i + 1}项其他请求（${claimTypeLabels[c.type]}）金额：${amount.message}`);
    if (!valid[c.workerIndex]) throw new AppFailure('invalid_input', `第${i + 1}项其他请求所属的申请人不存在`);
    return { ...c, amountFen: amount.fen };
  });

  if (!input.project.id && !input.project.name) throw new AppFailure('invalid_input', '请选择或填写工程项目名称');
  const respondents = input.respondents.map((r, i) => {
    if (!r.organisationId && !r.organisation) throw new AppFailure('invalid_input', `被申请人${i + 1}：请选择或填写单位/个人`);
    return { ...r, organisation: r.organisation ? normaliseOrganisation(r.organisation, `被申请人${i + 1}`, today) : undefined };
  });

  const id = ctx.db.transaction((tx) => {
    if (input.project.id !== undefined && !tx.select({ id: projects.id }).from(projects).where(eq(projects.id, input.project.id)).get()) {
      throw new AppFailure('not_found', `所选工程项目不存在（编号${input.project.id}），请重新选择或填写项目名称`);
    }
    respondents.forEach((r, i) => {
      if (r.organisationId !== undefined && !tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, r.organisationId)).get()) {
        throw new AppFailure('not_found', `第${i + 1}个被申请人：所选单位或个人不存在（编号${r.organisationId}），请重新选择`);
      }
    });
    const projectId = input.project.id ?? insertProject(tx, input.project, now);
    const orgIds = respondents.map((r) => r.organisationId ?? upsertOrganisation(tx, r.organisation!, now));
    respondents.forEach((r, i) => {
      const by = r.contractedByIndex != null ? orgIds[r.contractedByIndex] ?? null : null;
      tx.insert(projectParties)
        .values({ projectId, organisationId: orgIds[i], role: r.role, contractedById: by })
        .onConflictDoUpdate({
          target: [projectParties.projectId, projectParties.organisationId, projectParties.role],
          // A case that names only part of the chain never erases a link another case recorded.
          set: { contractedById: sql`coalesce(excluded.contracted_by_id, ${projectParties.contractedById})` },
        })
        .run();
    });

    const claimed = people.reduce((s, p) => s + p.w.owedFen, 0) + extra.reduce((s, c) => s + c.amountFen, 0);
    // A collective dispute is heard by three arbitrators (Law Art 31; 组织规则 Art 13): never 简易处理 with a sole arbitrator.
    const collective = people.length >= COLLECTIVE_MIN_WORKERS;
    const procedure = collective ? ('ordinary' as const) : input.procedure;
    const caseId = tx
      .insert(cases)
      .values({
        uid: randomUUID(),
        commissionId: COMMISSION_ID,
        channel: input.channel,
        procedure,
        cause: input.cause,
        isCollective: collective,
        projectId,
        hasArbitration: input.startTrack === 'arbitration',
        receivedOn: input.receivedOn,
        workerCount: people.length,
        claimedTotalFen: claimed,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      })
      .returning({ id: cases.id })
      .get().id;

    respondents.forEach((r, i) =>
      tx.insert(caseRespondents).values({ caseId, organisationId: orgIds[i], role: r.role, sortOrder: i }).run(),
    );

    const workerIds = new Map<number, number>();
    people.forEach(({ w, index }, order) => {
      const workerId = tx
        .insert(workers)
        .values({
          ...w,
          caseId,
          sortOrder: order,
          nameInitials: nameInitials(w.name),
          isRepresentative: input.representativeIndexes.includes(index),
        })
        .returning({ id: workers.id })
        .get().id;
      workerIds.set(index, workerId);
      tx.insert(claimItems).values({ caseId, workerId, type: 'unpaidWages', amountFen: w.owedFen }).run();
    });
    for (const c of extra) {
      tx.insert(claimItems)
        .values({ caseId, workerId: workerIds.get(c.workerIndex)!, type: c.type, amountFen: c.amountFen, note: c.note ?? null })
        .run();
    }

    if (input.startTrack === 'inspection') {
      tx.insert(inspectionTracks)
        .values({
          caseId,
          complaintNumber: input.complaint?.complaintNumber || null,
          complaintReceivedOn: input.receivedOn,
          inspectors: input.complaint?.inspectors ?? '',
        })
        .run();
    }
    refreshNextDue(ctx, tx, caseId);
    indexCase(tx, caseId);
    const legacy = people.filter((p) => p.w.idNumberNote);
    const notes = [
      collective && input.procedure === 'simplified' ? `集体劳动人事争议（${people.length}人），依${COLLECTIVE_TRIBUNAL_BASIS}由三名仲裁员组庭，按普通程序处理` : '',
      legacy.length ? `${legacy.map((p) => p.w.name).join('、')}以15位旧身份证号码按例外登记（${legacy.map((p) => p.w.idNumberNote!.replace(/^15位旧证号按例外登记：/, '')).join('；')}）` : '',
    ].filter(Boolean);
    appendEvent(tx, now, {
      caseId,
      action: 'case.received',
      summary: `${input.startTrack === 'inspection' ? '监察投诉登记' : '收案'}：申请人${people.length}人，请求金额合计${formatYuan(claimed)}${notes.length ? `；${notes.join('；')}` : ''}`,
      after: { workers: people.length, claimedTotalFen: claimed, channel: input.channel, procedure, legacyIds: legacy.map((p) => ({ name: p.w.name, note: p.w.idNumberNote })) },
    });
    return caseId;
  });
  ctx.emit({ type: 'cases.changed', caseId: id });
  return { id };
}

function insertProject(db: Executor, project: CaseCreateInput['project'], now: Date): number {
  const name = project.name!.trim();
  const same = db.select({ id: projects.id }).from(projects).where(eq(projects.name, name)).get();
  if (same) {
    // The same project named again: keep it, and fill in details it did not have yet.
    db.update(projects)
      .set({
        address: sql`coalesce(${projects.address}, ${project.address || null})`,
        permitNumber: sql`coalesce(${projects.permitNumber}, ${project.permitNumber || null})`,
      })
      .where(eq(projects.id, same.id))
      .run();
    return same.id;
  }
  return db
    .insert(projects)
    .values({ name, address: project.address || null, permitNumber: project.permitNumber || null, createdAt: now.toISOString() })
    .returning({ id: projects.id })
    .get().id;
}
