/**
 * Reads one hearing's record for the 庭审笔录 docx. Variant 'hearing-<id>' picks the hearing; with
 * none, the latest held hearing (else the latest one not cancelled). 质证 lines already sit in the
 * investigation step (written there by crossExamination.save); a view recorded for this hearing whose
 * line the clerk removed is appended again, so the record never loses a party's 质证.
 */
import { and, asc, eq, ne } from 'drizzle-orm';
import { AppFailure } from '../../core/contract';
import { crossExaminationLine, crossExaminationPrefix, type PartyView } from '../../core/hearing/crossExaminationLine';
import { recordSteps } from '../../core/hearing/recordSteps';
import { crossExaminations, exhibits, hearings, rooms } from '../../../db/schema';
import type { Executor } from '../../../db/open';
import type { ServiceContext } from '../context';
import { exhibitLabel } from '../evidence/exhibits';
import { getHearingDetail } from '../hearings/hearingRecord';
import { applicantShortName } from '../../documents/award/caseData';
import type { HearingRecordDocData } from '../../documents/hearingRecord/hearingRecordDocument';
import { loadCaseDocData } from './caseDocData';

export function pickHearing(db: Executor, caseId: number, variant: string): number | null {
  if (variant) {
    const m = /^hearing-(\d+)$/.exec(variant);
    if (!m) throw new AppFailure('invalid_input', `庭审笔录的文本应为 hearing-<编号>：${variant}`);
    const h = db.select({ id: hearings.id, caseId: hearings.caseId }).from(hearings).where(eq(hearings.id, Number(m[1]))).get();
    if (!h || h.caseId !== caseId) throw new AppFailure('not_found', `本案没有这次开庭（编号${m[1]}）`);
    return h.id;
  }
  const list = db
    .select({ id: hearings.id, status: hearings.status })
    .from(hearings)
    .where(and(eq(hearings.caseId, caseId), ne(hearings.status, 'cancelled')))
    .orderBy(asc(hearings.startsAt), asc(hearings.id))
    .all();
  return (list.filter((h) => h.status === 'held').at(-1) ?? list.at(-1))?.id ?? null;
}

export function hearingRecordProblems(db: Executor, caseId: number): string[] {
  return pickHearing(db, caseId, '') === null ? ['本案尚未安排开庭'] : [];
}

export function loadHearingRecordData(ctx: ServiceContext, db: Executor, caseId: number, variant: string): HearingRecordDocData {
  const hearingId = pickHearing(db, caseId, variant);
  if (hearingId === null) throw new AppFailure('conflict', '本案尚未安排开庭，没有庭审笔录');
  const detail = getHearingDetail(ctx, hearingId, db);
  const base = loadCaseDocData(ctx, db, caseId);
  const room = db.select({ location: rooms.location }).from(rooms).where(eq(rooms.id, detail.roomId)).get();

  // 质证 views of this hearing whose line is missing from the investigation step.
  const views = db
    .select({ exhibitId: crossExaminations.exhibitId, seq: exhibits.seq, title: exhibits.title, party: crossExaminations.party, authenticity: crossExaminations.authenticity, legality: crossExaminations.legality, relevance: crossExaminations.relevance, opinion: crossExaminations.opinion })
    .from(crossExaminations)
    .innerJoin(exhibits, eq(exhibits.id, crossExaminations.exhibitId))
    .where(eq(crossExaminations.hearingId, hearingId))
    .orderBy(asc(exhibits.seq))
    .all();
  const byExhibit = new Map<number, { seq: number; title: string; views: PartyView[] }>();
  for (const v of views) {
    const entry = byExhibit.get(v.exhibitId) ?? { seq: v.seq, title: v.title, views: [] };
    entry.views.push({ party: v.party, authenticity: v.authenticity, legality: v.legality, relevance: v.relevance, opinion: v.opinion });
    byExhibit.set(v.exhibitId, entry);
  }
  const steps = recordSteps.map((def) => {
    let content = detail.record.find((r) => r.step === def.key)?.content ?? '';
    if (def.key === 'investigation') {
      for (const e of byExhibit.values()) {
        const label = exhibitLabel(e.seq);
        if (!content.split('\n').some((l) => l.startsWith(crossExaminationPrefix(label, e.title)))) {
          content = `${content}${content ? '\n' : ''}${crossExaminationLine(label, e.title, e.views)}`;
        }
      }
    }
    return { title: def.title, content };
  });

  return {
    commissionName: base.commissionName,
    caseLabel: base.caseLabel,
    cause: base.cause,
    hearingId,
    startsAt: detail.startsAt,
    endsAt: detail.endsAt,
    openedAt: detail.openedAt,
    closedAt: detail.closedAt,
    roomName: detail.roomName,
    roomLocation: room?.location ?? null,
    procedure: detail.procedure,
    arbitrators: detail.arbitratorNames,
    clerk: detail.clerkName,
    applicants: applicantShortName(base.workers),
    representatives: detail.representatives,
    respondents: base.respondents.map((r) => r.name),
    applicantPresent: detail.applicantPresent,
    respondentPresent: detail.respondentPresent,
    outcome: detail.outcome,
    steps,
  };
}
