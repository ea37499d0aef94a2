// The hearing-notice period (开庭通知期间), Law Art 35 / Rules Art 38: "仲裁庭应当在开庭五日前，将开庭日期、
// 地点书面通知双方当事人". Pure: dates and a calendar in, a verdict out.
//
// Reading adopted (project decision, counted like every other statutory 5日 period, domain §1.2):
//  - "5日" are WORKING days on the State Council holiday calendar (make-up working days 调休 count);
//  - the service day is not counted (Civil Procedure Law Art 85), counting starts the next day;
//  - the hearing may be held ON the 5th working day after service, not before:
//        hearingDate ≥ addWorkingDays(servedOn, 5).due
//    e.g. served Mon 2026-11-16 → 17,18,19,20,23 → the earliest hearing day is Mon 2026-11-23.
//  - the latest service date for a given hearing day is the last date d with
//        addWorkingDays(d, 5).due ≤ hearingDate
//    (d itself may be a rest day: a notice can be signed for on a Saturday).
import { addDays, formatChineseDate, formatWeekday } from '../dates';
import type { Calendar } from '../clock/calendar';
import { addWorkingDays } from '../clock/periods';
import { describeSkipped } from '../clock/deadlines';

export const NOTICE_WORKING_DAYS = 5;
export const NOTICE_BASIS = '《劳动争议调解仲裁法》第三十五条、《办案规则》第三十八条';

export type NoticeInput = {
  /** The hearing date, YYYY-MM-DD. */
  hearingDate: string;
  /** When the hearing notice was served (the 送达回证 date), or null while it is not served. */
  servedOn: string | null;
  procedure: 'simplified' | 'ordinary';
  /** Simplified procedure: the parties agreed to waive the notice period. */
  waived: boolean;
  /** Today (China), to tell whether the latest service date is still ahead. */
  today: string;
};

export type NoticeVerdict =
  | { ok: true; reason: 'waived' | 'inTime'; earliestHearingDate: string | null; latestServiceDate: string }
  | { ok: false; reason: 'short' | 'notServed'; earliestHearingDate: string | null; latestServiceDate: string; message: string };

/** The first day a hearing may be held when the notice is served on `servedOn`. */
export function earliestHearingDate(servedOn: string, cal: Calendar): string {
  return addWorkingDays(servedOn, NOTICE_WORKING_DAYS, cal).due;
}

/** The last day the notice can be served for a hearing on `hearingDate` (see the reading above). */
export function latestServiceDate(hearingDate: string, cal: Calendar): string {
  // addWorkingDays is monotone in its start, so walk back from the day before the hearing.
  for (let d = addDays(hearingDate, -1), i = 0; i < 400; d = addDays(d, -1), i++) {
    if (earliestHearingDate(d, cal) <= hearingDate) return d;
  }
  throw new RangeError(`无法计算${hearingDate}的最迟送达日期`);
}

const fmt = (date: string) => `${formatChineseDate(date)}（${formatWeekday(date)}）`;

/**
 * "最迟应于2026年11月23日（星期一）送达"; when that day is a rest day, the latest working day too:
 * "最迟应于2026年9月27日（星期日，中秋）送达；在工作日送达的，最迟为2026年9月24日（星期四）".
 */
function latestText(latest: string, cal: Calendar): string {
  if (cal.isWorkday(latest)) return `最迟应于${fmt(latest)}送达`;
  let d = addDays(latest, -1);
  while (!cal.isWorkday(d)) d = addDays(d, -1);
  const name = cal.describe(latest).name;
  const rest = name && name !== '周末' ? `，${name}` : '';
  return `最迟应于${formatChineseDate(latest)}（${formatWeekday(latest)}${rest}）送达；在工作日送达的，最迟为${fmt(d)}`;
}

export function checkNoticePeriod(input: NoticeInput, cal: Calendar): NoticeVerdict {
  const latest = latestServiceDate(input.hearingDate, cal);
  if (input.waived && input.procedure === 'simplified') {
    return { ok: true, reason: 'waived', earliestHearingDate: input.servedOn ? earliestHearingDate(input.servedOn, cal) : null, latestServiceDate: latest };
  }
  if (!input.servedOn) {
    const late = latest < input.today;
    const message =
      `开庭通知尚未送达：开庭日期为${fmt(input.hearingDate)}，依${NOTICE_BASIS}应在开庭五日（工作日）前送达，` +
      latestText(latest, cal) +
      (late ? '，现已来不及，请改期开庭' + (input.procedure === 'simplified' ? '，或经双方当事人同意放弃通知期限' : '') : '');
    return { ok: false, reason: 'notServed', earliestHearingDate: null, latestServiceDate: latest, message };
  }
  const run = addWorkingDays(input.servedOn, NOTICE_WORKING_DAYS, cal);
  if (input.hearingDate >= run.due) return { ok: true, reason: 'inTime', earliestHearingDate: run.due, latestServiceDate: latest };
  const skipped = run.skipped.length ? `，跳过${describeSkipped(run.skipped)}` : '';
  const message =
    `开庭通知期间不足：通知于${fmt(input.servedOn)}送达，自次日起算五个工作日${skipped}，最早可于${fmt(run.due)}开庭，` +
    `而开庭日期为${fmt(input.hearingDate)}（依${NOTICE_BASIS}）；通知${latestText(latest, cal)}` +
    (input.procedure === 'simplified' ? '。如双方当事人同意，可记录放弃通知期限' : '。请改期开庭');
  return { ok: false, reason: 'short', earliestHearingDate: run.due, latestServiceDate: latest, message };
}
