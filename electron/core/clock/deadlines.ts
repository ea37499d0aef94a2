// Statutory clock of an arbitration case (domain brief §1.1–1.2). Pure: dates in, deadlines out.
import { diffDays, formatChineseDate, formatChineseMonthDay, formatWeekday, addDays } from '../dates';
import type { Calendar } from './calendar';
import { addCalendarDays, addWorkingDays, type SkippedDay } from './periods';

export type PeriodRule = { days: number; unit: 'working' | 'calendar' };
export type ClockRules = {
  acceptanceDecision: PeriodRule;
  serveCopy: PeriodRule;
  tribunalNotice: PeriodRule;
  defence: PeriodRule;
  award: PeriodRule;
  awardExtensionMax: number;
};

/** Rules 附则: 3/5/10日 are working days, 15/45日 calendar days (project decision, §1.2). */
export const defaultClockRules: ClockRules = {
  acceptanceDecision: { days: 5, unit: 'working' },
  serveCopy: { days: 5, unit: 'working' },
  tribunalNotice: { days: 5, unit: 'working' },
  defence: { days: 10, unit: 'working' },
  award: { days: 45, unit: 'calendar' },
  awardExtensionMax: 15,
};

export type CaseClockInput = {
  receivedOn: string;
  materialsCompletedOn?: string | null;
  acceptedOn?: string | null;
  rejectedOn?: string | null;
  respondentServedOn?: string | null;
  awardExtensionDays?: number;
  /**
   * Calendar days excluded from the award and fast-track periods (中止, Rules Art 46(6)): the sum of
   * the case's suspensions, an open one counted up to today. Both due dates move by this many days.
   */
  suspendedDays?: number;
  /**
   * Calendar days of notice by publication (公告送达) excluded the same way (Rules Art 46(6)),
   * from core/clock/periods.publicationDays.
   */
  publicationDays?: number;
  /** When the parties were told the tribunal's members in writing (组庭通知书 served on every party). */
  tribunalNotifiedOn?: string | null;
  fastTrackTargetDays: number;
  closedOn?: string | null;
};

export type DeadlineKey =
  | 'acceptanceDecision'
  | 'serveCopy'
  | 'tribunalNotice'
  | 'defence'
  | 'award'
  | 'fastTrack'
  | 'complaintAcceptance'
  | 'investigation'
  | 'correction';
export type DeadlineStatus = 'waiting' | 'open' | 'done' | 'overdue';

export type Deadline = {
  key: DeadlineKey;
  label: string;
  dueOn: string | null;
  startOn: string | null;
  status: DeadlineStatus;
  explanation: string;
  rule: string;
  skipped: SkippedDay[];
};

export const DEADLINE_LABELS: Record<DeadlineKey, string> = {
  acceptanceDecision: '受理决定',
  serveCopy: '送达仲裁申请书副本',
  tribunalNotice: '组庭通知',
  defence: '答辩期届满',
  award: '裁决期限',
  fastTrack: '速裁目标',
  complaintAcceptance: '投诉受理决定',
  investigation: '监察调查期限',
  correction: '限期改正',
};

const LAW = '《劳动争议调解仲裁法》';
const RULES = '《办案规则》';
export const DEADLINE_RULES: Record<DeadlineKey, string> = {
  acceptanceDecision: `${LAW}第二十九条、${RULES}第三十条；补正材料的，以收到补正材料之日为收到申请之日（${RULES}第四十六条）`,
  serveCopy: `${LAW}第三十条`,
  tribunalNotice: `${LAW}第三十二条（受理之日起五日内将仲裁庭的组成情况书面通知当事人）、${RULES}第三十七条`,
  defence: `${LAW}第三十条`,
  award: `${LAW}第四十三条、${RULES}第四十五条、第四十六条`,
  fastTrack: '人社部办公厅《关于开展农民工工资争议速裁庭建设专项行动的通知》（2023年）；本委速裁结案目标（非法定期限）',
  complaintAcceptance: '《关于实施〈劳动保障监察条例〉若干规定》第十八条',
  investigation: '《劳动保障监察条例》第十七条',
  correction: '劳动保障监察限期改正指令书；逾期不支付的，依《劳动保障监察条例》第二十六条加付赔偿金',
};
const BASIS: Record<DeadlineKey, string> = {
  acceptanceDecision: `${LAW}第二十九条、${RULES}第三十条`,
  serveCopy: `${LAW}第三十条`,
  tribunalNotice: `${LAW}第三十二条`,
  defence: `${LAW}第三十条`,
  award: `${LAW}第四十三条、${RULES}第四十五条`,
  fastTrack: '本委速裁目标',
  complaintAcceptance: '《关于实施〈劳动保障监察条例〉若干规定》第十八条',
  investigation: '《劳动保障监察条例》第十七条',
  correction: '限期改正指令书',
};

export type Period = { due: string; skipped: SkippedDay[]; text: string };

/** "国庆节10月1日至10月7日（7天）、周末10月11日" */
export function describeSkipped(skipped: SkippedDay[]): string {
  const groups: { reason: string; from: string; to: string; count: number }[] = [];
  for (const s of skipped) {
    const g = groups[groups.length - 1];
    if (g && g.reason === s.reason && diffDays(g.to, s.date) === 1) {
      g.to = s.date;
      g.count++;
    } else groups.push({ reason: s.reason, from: s.date, to: s.date, count: 1 });
  }
  return groups
    .map((g) =>
      g.count === 1
        ? `${g.reason}${formatChineseMonthDay(g.from)}`
        : `${g.reason}${formatChineseMonthDay(g.from)}至${formatChineseMonthDay(g.to)}（${g.count}天）`,
    )
    .join('、');
}

function fmt(date: string): string {
  return `${formatChineseDate(date)}（${formatWeekday(date)}）`;
}

/**
 * Periods already run, per calendar object: the case page, the deadline refresh and the closing
 * record recompute the same few hundred starting days over and over. A calendar is never changed
 * in place (new holiday data means a new Calendar from createCalendar), so answers stay true; a
 * calendar that reloads (holiday notices saved in settings) names the Calendar it currently reads
 * through `base`, and answers are remembered per that one.
 */
const ranPeriods = new WeakMap<Calendar, Map<string, Period>>();

/** A period from `start` under `rule`, with its explanation. Pure; answers are remembered per calendar. */
export function runPeriod(start: string, rule: PeriodRule, cal: Calendar, startEvent: string): Period {
  const owner = (cal as Calendar & { base?: () => Calendar }).base?.() ?? cal;
  let known = ranPeriods.get(owner);
  if (!known) ranPeriods.set(owner, (known = new Map()));
  const key = `${start}|${rule.days}|${rule.unit}|${startEvent}`;
  const hit = known.get(key);
  if (hit) return hit;
  if (known.size >= 100_000) known.clear();
  const period = countPeriod(start, rule, cal, startEvent);
  known.set(key, period);
  return period;
}

function countPeriod(start: string, rule: PeriodRule, cal: Calendar, startEvent: string): Period {
  if (rule.unit === 'working') {
    const r = addWorkingDays(start, rule.days, cal);
    const makeups: string[] = [];
    for (let d = addDays(start, 1); d <= r.due; d = addDays(d, 1)) {
      if (cal.describe(d).kind === 'makeupWorkday') makeups.push(formatChineseMonthDay(d));
    }
    let text = `自${formatChineseDate(start)}${startEvent}之次日起算${rule.days}个工作日`;
    if (r.skipped.length) text += `，跳过${describeSkipped(r.skipped)}`;
    if (makeups.length) text += `，${makeups.join('、')}为调休上班日，计入期间`;
    text += `，届满日为${fmt(r.due)}`;
    return { due: r.due, skipped: r.skipped, text };
  }
  const r = addCalendarDays(start, rule.days, cal);
  let text = `自${formatChineseDate(start)}${startEvent}之次日起算${rule.days}日`;
  if (r.shiftedFrom) {
    const reason = r.skipped[0]?.reason ?? '休息日';
    text += `，第${rule.days}日${formatChineseDate(r.shiftedFrom)}为${reason}，顺延${r.skipped.length}日至其后第一个工作日`;
  }
  text += `，届满日为${fmt(r.due)}`;
  return { due: r.due, skipped: r.skipped, text };
}

export function timing(due: string, today: string): { status: 'open' | 'overdue'; text: string } {
  const left = diffDays(today, due);
  if (left < 0) return { status: 'overdue', text: `已逾期${-left}日` };
  if (left === 0) return { status: 'open', text: '今日届满' };
  return { status: 'open', text: `还剩${left}日` };
}

function lateness(doneOn: string, due: string): string {
  const late = diffDays(due, doneOn);
  return late > 0 ? `，超过期限${late}日` : '';
}

/**
 * Compute the case's statutory deadlines as of `today` (YYYY-MM-DD, China time).
 * - acceptanceDecision: received (or materials completed, if later and before the decision) + 5 working days.
 * - serveCopy: accepted + 5 working days; done once the respondent is served.
 * - defence: served + 10 working days; done once the period has run out (failing to answer does not stop the case).
 * - award: accepted (or materials completed after 容缺受理) + 45 calendar days, + an approved extension (≤ 15 days),
 *   + suspended days (excluded periods, Rules Art 46(6)); only the final last day is moved off a rest day.
 * - fastTrack: same start + the commission's target days + suspended days.
 * Closing the case ends every clock.
 */
export function computeDeadlines(
  input: CaseClockInput,
  today: string,
  cal: Calendar,
  rules: ClockRules = defaultClockRules,
): Deadline[] {
  const out: Deadline[] = [];
  const closedOn = input.closedOn ?? null;
  const closedNote = closedOn ? `案件已于${formatChineseDate(closedOn)}结案，本期限不再计算` : '';

  const make = (key: DeadlineKey, fields: Omit<Deadline, 'key' | 'label' | 'rule'>): Deadline => ({
    key,
    label: DEADLINE_LABELS[key],
    rule: DEADLINE_RULES[key],
    ...fields,
  });

  /** A running (not yet satisfied) deadline: open/overdue, or done when the case is closed. */
  const running = (key: DeadlineKey, start: string, p: Period): Deadline => {
    if (closedOn) {
      return make(key, { dueOn: p.due, startOn: start, status: 'done', skipped: p.skipped, explanation: `依${BASIS[key]}：${p.text}。${closedNote}。` });
    }
    const t = timing(p.due, today);
    return make(key, { dueOn: p.due, startOn: start, status: t.status, skipped: p.skipped, explanation: `依${BASIS[key]}：${p.text}；${t.text}。` });
  };

  // 1. Acceptance decision.
  const decidedOn = input.rejectedOn ?? input.acceptedOn ?? null;
  const mc = input.materialsCompletedOn ?? null;
  const acceptanceResets = !!mc && mc > input.receivedOn && (!decidedOn || mc <= decidedOn);
  const acceptanceStart = acceptanceResets ? (mc as string) : input.receivedOn;
  const acceptanceEvent = acceptanceResets ? '收到补正材料（视为收到申请）' : '收到申请';
  const acc = runPeriod(acceptanceStart, rules.acceptanceDecision, cal, acceptanceEvent);
  if (decidedOn) {
    const what = input.rejectedOn ? '作出不予受理决定' : '受理';
    out.push(make('acceptanceDecision', {
      dueOn: acc.due,
      startOn: acceptanceStart,
      status: 'done',
      skipped: acc.skipped,
      explanation: `依${BASIS.acceptanceDecision}：${acc.text}。已于${formatChineseDate(decidedOn)}${what}${lateness(decidedOn, acc.due)}。`,
    }));
  } else {
    out.push(running('acceptanceDecision', acceptanceStart, acc));
  }
  if (input.rejectedOn) return out;

  const acceptedOn = input.acceptedOn ?? null;
  const waiting = (key: DeadlineKey, text: string): Deadline =>
    make(key, { dueOn: null, startOn: null, status: closedOn ? 'done' : 'waiting', skipped: [], explanation: closedOn ? `${closedNote}。` : text });

  /** A duty that runs from acceptance (自受理之次日起N日内…): waiting before it, done once `doneOn`. */
  const fromAcceptance = (key: 'serveCopy' | 'tribunalNotice', duty: string, doneOn: string | null, doneText: (on: string) => string): Deadline => {
    const rule = rules[key];
    if (!acceptedOn) return waiting(key, `尚未受理。受理后，自受理之次日起${rule.days}${unitWord(rule)}内${duty}。`);
    const p = runPeriod(acceptedOn, rule, cal, '受理');
    if (!doneOn) return running(key, acceptedOn, p);
    return make(key, {
      dueOn: p.due,
      startOn: acceptedOn,
      status: 'done',
      skipped: p.skipped,
      explanation: `依${BASIS[key]}：${p.text}。${doneText(doneOn)}${lateness(doneOn, p.due)}。`,
    });
  };
  // 2. Serve the application copy on the respondent.
  out.push(fromAcceptance('serveCopy', '送达仲裁申请书副本', input.respondentServedOn ?? null, (on) => `已于${formatChineseDate(on)}送达`));
  // 2b. Tell the parties the tribunal's members (组庭通知书), Law Art 32.
  out.push(fromAcceptance('tribunalNotice', '将仲裁庭组成情况书面通知当事人', input.tribunalNotifiedOn ?? null, (on) => `组庭通知书已于${formatChineseDate(on)}送达各方当事人`));

  // 3. Defence period.
  const served = acceptedOn ? (input.respondentServedOn ?? null) : null;
  if (!served) {
    out.push(waiting('defence', `尚未向被申请人送达。送达后，自其收到之次日起${rules.defence.days}${unitWord(rules.defence)}为答辩期。`));
  } else {
    const p = runPeriod(served, rules.defence, cal, '被申请人收到仲裁申请书副本');
    const over = today > p.due;
    const left = diffDays(today, p.due);
    const tail = closedOn && !over ? closedNote : over ? '答辩期已届满；被申请人未答辩的，不影响仲裁程序进行' : left === 0 ? '今日届满' : `还剩${left}日`;
    out.push(make('defence', {
      dueOn: p.due,
      startOn: served,
      status: over || closedOn ? 'done' : 'open',
      skipped: p.skipped,
      explanation: `依${BASIS.defence}：${p.text}。${tail}。`,
    }));
  }

  // 4. Award period and 5. fast-track target share their start.
  if (!acceptedOn) {
    out.push(waiting('award', `尚未受理。受理后，自受理之次日起${rules.award.days}${unitWord(rules.award)}内结束裁决。`));
    if (input.fastTrackTargetDays > 0)
      out.push(waiting('fastTrack', `尚未受理。本委速裁目标为受理后${input.fastTrackTargetDays}日内结案。`));
    return out;
  }
  const restart = !!mc && mc > acceptedOn;
  const awardStart = restart ? (mc as string) : acceptedOn;
  const awardEvent = restart ? '补正材料（容缺受理后补齐，依《办案规则》第四十六条重新起算）' : '受理';

  const requestedExt = Math.max(0, Math.trunc(input.awardExtensionDays ?? 0));
  const ext = Math.min(requestedExt, rules.awardExtensionMax);
  const suspended = Math.max(0, Math.trunc(input.suspendedDays ?? 0));
  const published = Math.max(0, Math.trunc(input.publicationDays ?? 0));
  const excluded = suspended + published;
  const base = runPeriod(awardStart, rules.award, cal, awardEvent);
  let award: Period = base;
  if (ext > 0 || excluded > 0) {
    // The extension and the excluded (suspended) days run on from the original last day (before any
    // holiday shift): the whole period is days + ext + suspended, and only its new last day is moved off a rest day.
    const extended = runPeriod(awardStart, { days: rules.award.days + ext + excluded, unit: rules.award.unit }, cal, awardEvent);
    const capped = requestedExt > ext ? `（申请延长${requestedExt}日，超过最长${rules.awardExtensionMax}日，按${ext}日计）` : '';
    const parts = [
      ext > 0 ? `经批准延长${ext}日${capped}` : '',
      excluded > 0 ? `${excludedText(suspended, published)}，期限相应顺延` : '',
    ].filter(Boolean);
    award = {
      due: extended.due,
      skipped: extended.skipped,
      text: `${base.text}；${parts.join('；')}，${extended.text.replace(/^自.*?之次日起算/, '合计')}`,
    };
  }
  if (closedOn) {
    out.push(make('award', {
      dueOn: award.due,
      startOn: awardStart,
      status: 'done',
      skipped: award.skipped,
      explanation: `依${BASIS.award}：${award.text}。已于${formatChineseDate(closedOn)}结案${lateness(closedOn, award.due)}。`,
    }));
  } else out.push(running('award', awardStart, award));

  if (input.fastTrackTargetDays > 0) {
    const target = runPeriod(awardStart, { days: input.fastTrackTargetDays, unit: 'calendar' }, cal, awardEvent);
    let p: Period = target;
    if (excluded > 0) {
      const moved = runPeriod(awardStart, { days: input.fastTrackTargetDays + excluded, unit: 'calendar' }, cal, awardEvent);
      p = { due: moved.due, skipped: moved.skipped, text: `${target.text}；${excludedText(suspended, published)}，${moved.text.replace(/^自.*?之次日起算/, '合计')}` };
    }
    if (closedOn) {
      out.push(make('fastTrack', {
        dueOn: p.due,
        startOn: awardStart,
        status: 'done',
        skipped: p.skipped,
        explanation: `依${BASIS.fastTrack}：${p.text}。已于${formatChineseDate(closedOn)}结案${lateness(closedOn, p.due)}。`,
      }));
    } else out.push(running('fastTrack', awardStart, p));
  }
  return out;
}

/** 中止审理期间、公告送达期间不计入 (Rules Art 46(6)). */
function excludedText(suspended: number, published: number): string {
  const parts = [suspended > 0 ? `中止审理期间${suspended}日` : '', published > 0 ? `公告送达期间${published}日` : ''].filter(Boolean);
  return `${parts.join('、')}不计入（${RULES}第四十六条第六项）`;
}

function unitWord(rule: PeriodRule): string {
  return rule.unit === 'working' ? '个工作日' : '日';
}

/** Earliest due date among deadlines still running (open or overdue). */
export function nextDue(deadlines: Deadline[]): string | null {
  let best: string | null = null;
  for (const d of deadlines) {
    if ((d.status === 'open' || d.status === 'overdue') && d.dueOn && (best === null || d.dueOn < best)) best = d.dueOn;
  }
  return best;
}
