// Warnings a hearing is saved with (not refusals): the notice period, a respondent's defence period
// still running, the award deadline (or the fast-track target) and a date in the past. Pure.
import { formatChineseDate, formatWeekday } from '../dates';
import type { Calendar } from '../clock/calendar';
import { addWorkingDays } from '../clock/periods';
import { defaultClockRules } from '../clock/deadlines';
import type { HearingWarning } from '../contract';
import { checkNoticePeriod } from './noticePeriod';

export type WarningInput = {
  startsAt: string;
  procedure: 'simplified' | 'ordinary';
  noticeServedOn: string | null;
  noticeWaived: boolean;
  /** The case's award deadline (45 days + extension), when known. */
  awardDueOn: string | null;
  /** The commission's fast-track target date (not statutory), when known. */
  fastTrackDueOn: string | null;
  /** Now, China local 'YYYY-MM-DDTHH:mm'. */
  now: string;
  /** Only scheduled hearings can be "in the past" by mistake. */
  scheduled: boolean;
  /** Each respondent and when the application copy reached it (its defence period runs from then). */
  respondents?: Defence[];
};

/** A respondent, when the copy reached it, and (simplified procedure) its consent to shorten the defence period. */
export type Defence = { name: string; servedOn: string | null; waiver?: string | null };

/**
 * The respondents whose defence period (10 working days from receipt of the copy, Law Art 30) has
 * not ended before the hearing day, or who have not been served at all. In simplified procedure a
 * respondent that agreed to shorten or waive its defence period (recorded consent) is not named.
 */
export function defenceWarning(date: string, procedure: 'simplified' | 'ordinary', respondents: Defence[], cal: Calendar): HearingWarning | null {
  const open: string[] = [];
  for (const r of respondents) {
    if (procedure === 'simplified' && r.waiver) continue;
    if (!r.servedOn) {
      open.push(`${r.name}尚未收到仲裁申请书副本（答辩期尚未起算）`);
      continue;
    }
    const due = addWorkingDays(r.servedOn, defaultClockRules.defence.days, cal).due;
    if (date <= due) open.push(`${r.name}的答辩期至${fmt(due)}届满`);
  }
  if (!open.length) return null;
  return {
    kind: 'defencePeriod',
    message:
      `开庭日期${fmt(date)}在被申请人答辩期内：${open.join('；')}（《劳动争议调解仲裁法》第三十条）。` +
      (procedure === 'simplified' ? '被申请人同意缩短或者放弃答辩期的，请记录其同意；否则请改期开庭' : '请在答辩期届满后开庭'),
  };
}

const fmt = (date: string) => `${formatChineseDate(date)}（${formatWeekday(date)}）`;

export function hearingWarnings(input: WarningInput, cal: Calendar): HearingWarning[] {
  const out: HearingWarning[] = [];
  const date = input.startsAt.slice(0, 10);
  const today = input.now.slice(0, 10);
  if (input.scheduled && input.startsAt < input.now) {
    out.push({ kind: 'pastDate', message: `开庭时间${formatChineseDate(date)} ${input.startsAt.slice(11, 16)}已经过去：如已开庭，请登记到庭情况；否则请核对日期或改期` });
  }
  const notice = checkNoticePeriod(
    { hearingDate: date, servedOn: input.noticeServedOn, procedure: input.procedure, waived: input.noticeWaived, today },
    cal,
  );
  if (input.scheduled && !cal.isWorkday(date)) {
    const name = cal.describe(date).name;
    out.push({ kind: 'restDay', message: `开庭日期${fmt(date)}是${name && name !== '周末' ? `${name}假期` : '休息日'}，请确认庭室和当事人能够到场，或改在工作日` });
  }
  if (!notice.ok) out.push({ kind: 'noticePeriod', message: notice.message });
  const defence = input.scheduled && input.respondents ? defenceWarning(date, input.procedure, input.respondents, cal) : null;
  if (defence) out.push(defence);
  if (input.awardDueOn && date > input.awardDueOn) {
    out.push({ kind: 'awardDeadline', message: `开庭日期${fmt(date)}晚于裁决期限届满日${fmt(input.awardDueOn)}，请提前开庭或依法办理延期审批` });
  } else if (input.fastTrackDueOn && date > input.fastTrackDueOn) {
    out.push({
      kind: 'awardDeadline',
      message: `开庭日期${fmt(date)}晚于本委速裁结案目标日${fmt(input.fastTrackDueOn)}` + (input.awardDueOn ? `（法定裁决期限届满日为${fmt(input.awardDueOn)}）` : ''),
    });
  }
  return out;
}
