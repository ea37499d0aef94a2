/**
 * 快审: hearings on the calendar without clashes (rooms, arbitrators and clerks each in one place
 * at a time), the hearing notice generated and served, and — for hearings in the past — who
 * attended, the record written step by step, 质证 on every exhibit and the 庭审笔录 document.
 */
import type { ExhibitView, HearingView } from '../../../core/contract';
import { formatYuan } from '../../../core/money';
import { applicantParties, employerName, type LivingCase } from './livingCase';
import type { LivingRun } from './runner';
import type { Tribunal } from './settingsStaff';

type Slot = { start: string; end: string };
export const SIMPLE_SLOTS: Slot[] = [
  { start: '09:00', end: '10:30' },
  { start: '10:40', end: '12:00' },
  { start: '14:30', end: '16:00' },
  { start: '16:10', end: '17:30' },
];
export const ORDINARY_SLOTS: Slot[] = [
  { start: '09:00', end: '11:30' },
  { start: '14:30', end: '17:00' },
];

/**
 * Hands out free slots. Ordinary procedure (three arbitrators) sits in the large room with its own
 * panel (arbitrators 4–7) and clerk; simplified cases share the two smaller rooms, each with its own
 * arbitrator (1–3) and clerk, so no person or room is ever booked twice.
 */
export class HearingSlots {
  private readonly used = new Set<string>();
  constructor(private readonly tribunal: Tribunal) {}

  take(date: string, procedure: 'simplified' | 'ordinary', rotate: number): { startsAt: string; endsAt: string; roomId: number; presidingId: number; wingIds: number[]; clerkId: number } | null {
    const t = this.tribunal;
    if (procedure === 'ordinary') {
      for (let k = 0; k < ORDINARY_SLOTS.length; k++) {
        const s = ORDINARY_SLOTS[(k + rotate) % ORDINARY_SLOTS.length]!;
        const key = `${date}|${s.start}|0`;
        if (this.used.has(key)) continue;
        this.used.add(key);
        const panel = rotate % 2 ? [6, 4, 5] : [3, 4, 5];
        return { startsAt: `${date}T${s.start}`, endsAt: `${date}T${s.end}`, roomId: t.rooms[0]!.id, presidingId: t.arbitrators[panel[0]!]!.id, wingIds: [t.arbitrators[panel[1]!]!.id, t.arbitrators[panel[2]!]!.id], clerkId: t.clerks[0]!.id };
      }
      return null;
    }
    for (let k = 0; k < SIMPLE_SLOTS.length; k++) {
      const s = SIMPLE_SLOTS[(k + rotate) % SIMPLE_SLOTS.length]!; // cases start at different times of day
      for (let r = 1; r <= 2; r++) {
        const room = ((r - 1 + rotate) % 2) + 1;
        const key = `${date}|${s.start}|${room}`;
        if (this.used.has(key)) continue;
        this.used.add(key);
        return { startsAt: `${date}T${s.start}`, endsAt: `${date}T${s.end}`, roomId: t.rooms[room]!.id, presidingId: t.arbitrators[room === 2 ? 1 : rotate % 2 ? 2 : 0]!.id, wingIds: [], clerkId: t.clerks[room]!.id };
      }
    }
    return null;
  }
}

/**
 * Schedules a hearing on or after `date` (the first free working-day slot), decided on
 * `scheduledOn`; the notice served on `noticeOn` (null: not yet served).
 */
export async function schedule(run: LivingRun, c: LivingCase, slots: HearingSlots, opts: { date: string; scheduledOn: string; noticeOn: string | null; latest: string }): Promise<HearingView> {
  let day = opts.date;
  let slot = null;
  while (!slot && day <= opts.latest) {
    if (run.services.ctx.calendar.isWorkday(day)) slot = slots.take(day, c.detail.procedure, c.id);
    if (!slot) day = nextDay(day);
  }
  if (!slot) throw new Error(`演示数据：${opts.date}至${opts.latest}之间没有空闲的开庭时段`);
  run.at(opts.scheduledOn, '08:30');
  const hearing = await run.call('hearings.schedule', { caseId: c.id, procedure: c.detail.procedure, ...slot, noticeServedOn: null });
  run.count('开庭排期');
  if (!opts.noticeOn) return hearing;
  run.at(opts.noticeOn, '15:00');
  return run.call('hearings.recordNotice', { id: hearing.id, servedOn: opts.noticeOn });
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function recordText(c: LivingCase, hearing: HearingView, present: { applicant: boolean; respondent: boolean }): Record<string, string> {
  const applicants = applicantParties(c).join('、');
  const employer = employerName(c);
  const total = formatYuan(c.detail.claimedTotalFen);
  const count = c.detail.workers.length;
  const absent = !present.respondent ? `被申请人${employer}经书面通知无正当理由未到庭，本庭依法缺席审理。` : '';
  return {
    attendance: `书记员：请当事人入席。申请人${applicants}${c.detail.isCollective ? `（代表人，代表${count}名申请人）` : ''}到庭；被申请人${present.respondent ? `${employer}委托代理人到庭` : '未到庭'}。${absent}现宣布庭审纪律：未经许可不得录音录像，不得喧哗。`,
    opening: `首席仲裁员：现在开庭。本庭依法审理申请人${applicants}与被申请人${employer}追索劳动报酬争议一案，由仲裁员${hearing.arbitratorNames.join('、')}组成仲裁庭，书记员${hearing.clerkName}担任记录。`,
    identities: '仲裁员：核对当事人身份。申请人身份证件已核对无误；被申请人营业执照、授权委托书已核对。各方对对方出庭人员身份无异议。',
    rights: '仲裁员：告知当事人有申请回避、举证、质证、辩论、请求调解、最后陈述等权利。是否申请回避？申请人：不申请。被申请人：不申请。',
    claims: `申请人：请求裁决被申请人支付拖欠的工资等合计${total}。${present.respondent ? `被申请人答辩：对申请人在项目施工的事实无异议，但称工程款未结算，欠薪数额需以班组结算单为准。` : ''}`,
    investigation: `仲裁员：申请人举证。申请人提交工资发放台账、施工现场照片、农民工花名册。${present.respondent ? '被申请人质证：对台账的真实性无异议，对部分人员的出勤天数有异议；对照片、花名册无异议。' : '被申请人未到庭，视为放弃质证权利。'}`,
    debate: `申请人：被申请人作为用工单位应当足额支付工资，建设单位拨付工程款与否不影响工资支付义务。${present.respondent ? '被申请人：同意支付已核实部分，请求给予一定付款期限。' : ''}`,
    finalStatements: `申请人：坚持仲裁请求。${present.respondent ? '被申请人：请求仲裁庭依法处理。' : ''}`,
    mediation: present.respondent ? '仲裁员：是否愿意调解？双方对付款期限未能达成一致，调解不成。' : '被申请人未到庭，无法调解。',
  };
}

/**
 * The hearing on its day: attendance, the record, 质证 of the exhibits and the 庭审笔录.
 */
export async function hold(run: LivingRun, c: LivingCase, hearing: HearingView, exhibits: ExhibitView[], present = { applicant: true, respondent: true }): Promise<void> {
  const day = hearing.startsAt.slice(0, 10);
  const end = hearing.endsAt.slice(11, 16);
  run.at(day, hearing.startsAt.slice(11, 16));
  const text = recordText(c, hearing, present);
  for (const [step, content] of Object.entries(text)) await run.call('hearings.saveRecordStep', { hearingId: hearing.id, step, content });
  for (const e of exhibits) {
    const disputed = e.title === '工资发放台账' && c.rng.chance(0.3);
    if (present.respondent) {
      await run.call('crossExamination.save', {
        exhibitId: e.id,
        hearingId: hearing.id,
        party: 'respondent',
        authenticity: disputed ? 'disputed' : 'accepted',
        legality: 'accepted',
        relevance: 'accepted',
        opinion: disputed ? '对台账记载的部分人员出勤天数有异议，其余无异议' : '无异议',
      });
      run.count('质证意见');
    }
    // the tribunal's finding marks the exhibit cross-examined
    await run.call('crossExamination.save', {
      exhibitId: e.id,
      hearingId: hearing.id,
      party: 'tribunal',
      authenticity: 'accepted',
      legality: 'accepted',
      relevance: 'accepted',
      opinion: disputed ? '被申请人虽有异议但未提交反证，结合考勤记录，本庭予以采信' : present.respondent ? '双方无异议，本庭予以采信' : '被申请人未到庭质证，经审查核实，本庭予以采信',
    });
    run.count('质证意见');
  }
  run.at(day, end);
  // party by party: the applicant side (representatives, else each worker) and each respondent
  const { attendance } = await run.call('hearings.get', { id: hearing.id });
  await run.call('hearings.attendance', {
    id: hearing.id,
    applicants: attendance.applicants.map((a) => ({ workerId: a.partyId, present: present.applicant })),
    respondents: attendance.respondents.map((r) => ({ respondentId: r.partyId, present: present.respondent })),
  });
  run.count('已开庭');
}
