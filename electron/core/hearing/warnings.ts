// Warnings a hearing is saved with (not refusals): the notice period, the award deadline (or the
// fast-track target) and a date in the past. Pure.
import { formatChineseDate, formatWeekday } from '../dates';
import type { Calendar } from '../clock/calendar';
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
};

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
  if (!notice.ok) out.push({ kind: 'noticePeriod', message: notice.message });
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
