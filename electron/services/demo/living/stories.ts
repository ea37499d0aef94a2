/**
 * What happens to each living case, step by step on its own dates, through the stage files. One
 * function per story; dates are relative to the case's acceptance and to today.
 */
import { addDays } from '../../../core/dates';
import { closingMethodOf, draftAward, issueAward, payAward } from './awards';
import { generate, generateAndServe, serve } from './documentsService';
import { addCaseEvidence } from './evidence';
import { hold, schedule, type HearingSlots } from './hearings';
import { inspect } from './inspection';
import { agree, holdSession, pay, runLater, sign } from './mediation';
import { applicantParties, workdays, type LivingCase } from './livingCase';
import type { LivingRun } from './runner';

export const stories = [
  'closedAward',
  'closedFinalAward',
  'closedMediation',
  'closedWithdrawal',
  'heard',
  'hearingUpcoming',
  'hearingShortNotice',
  'mediationInstalments',
  'mediationOpen',
  'inspectionOrder',
] as const;
export type Story = (typeof stories)[number];

export type StoryContext = { run: LivingRun; c: LivingCase; slots: HearingSlots; today: string; plannedClose: string | null; upcomingIndex: number };

/** Upcoming hearings: this week, next week, this week, in two weeks, … (weeks from today). */
const WEEKS_AHEAD = [0, 1, 0, 2, 0, 3, 1, 0, 2, 1];

const min = (a: string, b: string) => (a < b ? a : b);
const max = (a: string, b: string) => (a > b ? a : b);

/** Acceptance and response notices, generated on the day of acceptance and served. */
async function notices(run: LivingRun, c: LivingCase, today: string): Promise<void> {
  // a quarter of an hour after the acceptance was recorded (China time)
  const accepted = c.detail.events.find((e) => e.action === 'case.accepted');
  const at = accepted ? new Date(Date.parse(accepted.at) + (8 * 60 + 15) * 60_000).toISOString().slice(11, 16) : '16:00';
  run.at(c.acceptedOn, at < '17:30' ? at : '17:30');
  await generateAndServe(run, c, 'acceptanceNotice', c.acceptedOn);
  const respondentsOn = min(workdays(run, c.acceptedOn, 1), today);
  run.at(respondentsOn, '10:00');
  await generateAndServe(run, c, 'responseNotice', respondentsOn);
}

/** The earliest day a story can run through, from acceptance (working days, roughly). */
export function fits(story: Story, span: number): boolean {
  switch (story) {
    case 'closedAward':
    case 'closedFinalAward':
      return span >= 30;
    case 'heard':
      return span >= 21;
    case 'inspectionOrder':
      return span >= 16;
    case 'mediationInstalments':
      return span >= 10;
    case 'closedWithdrawal':
      return span >= 8;
    case 'hearingUpcoming':
    case 'hearingShortNotice':
      return span >= 2;
    default:
      return true;
  }
}

export async function tell(story: Story, x: StoryContext): Promise<void> {
  const { run, c, today } = x;
  await notices(run, c, today);
  // mediation starts the working day after acceptance (or today, for a case accepted today)
  const firstSession = min(workdays(run, c.acceptedOn, c.rng.int(1, 2)), today);
  switch (story) {
    case 'mediationOpen': {
      // every other case: the wages settled, the other claims left to the hearing (部分调解书)
      const partly = x.upcomingIndex % 2 === 1 && c.detail.workers.some((w) => w.claims.some((cl) => cl.type !== 'unpaidWages'));
      await holdSession(run, c, firstSession, partly ? 'partlySettled' : c.rng.chance(0.5) ? 'pending' : 'failed');
      if (!partly) return;
      await agree(run, c, firstSession, addDays(firstSession, 30), true);
      await generateAndServe(run, c, 'partialMediationDocument', firstSession, today);
      return;
    }
    case 'mediationInstalments': {
      await holdSession(run, c, firstSession, 'settled');
      const view = await agree(run, c, firstSession, addDays(firstSession, 40));
      await generateAndServe(run, c, 'mediationDocument', firstSession, today);
      await sign(run, c, firstSession, min(workdays(run, firstSession, 1), today));
      // dues one week and one month on: the first is past, unpaid for some cases (→ warning)
      const dues = [addDays(firstSession, 7), addDays(firstSession, 37)];
      const later = await pay(run, c, view, { on: firstSession, onSpot: c.rng.pick([0, 30, 50]), dues, paidUpTo: x.upcomingIndex % 2 ? today : null });
      await runLater(later);
      return;
    }
    case 'closedMediation': {
      const closeOn = max(firstSession, min(x.plannedClose ?? firstSession, today));
      await holdSession(run, c, firstSession, 'settled');
      const view = await agree(run, c, firstSession, addDays(closeOn, 30));
      await generateAndServe(run, c, 'mediationDocument', firstSession, closeOn);
      await sign(run, c, firstSession, min(workdays(run, firstSession, 1), closeOn));
      const instalments = x.upcomingIndex % 3 === 1;
      const later = await pay(run, c, view, { on: firstSession, onSpot: instalments ? 50 : 100, dues: instalments ? [addDays(closeOn, 20), addDays(closeOn, 50)] : [], paidUpTo: today });
      await close(run, c, 'mediation', closeOn);
      await runLater(later);
      return;
    }
    case 'closedWithdrawal': {
      await holdSession(run, c, firstSession, 'pending');
      const closeOn = max(workdays(run, firstSession, 2), min(x.plannedClose ?? today, today));
      run.at(closeOn, '09:30');
      // the workers paid in full apply to withdraw (the represented workers consenting), then the decision
      const applicant = applicantParties(c)[0] ?? c.detail.workers[0]!.name;
      await run.call('closing.recordWithdrawalApplication', {
        caseId: c.id,
        appliedOn: closeOn,
        appliedBy: applicant,
        reason: '被申请人已支付所欠工资，申请撤回仲裁申请',
        consentOn: c.detail.isCollective ? closeOn : null,
        consentNote: c.detail.isCollective ? '被代表的申请人均书面同意撤回' : null,
      });
      run.at(closeOn, '10:00');
      const docs = await generate(run, c, 'withdrawalDecision');
      await serve(run, c, docs, closeOn, today, true);
      await close(run, c, 'withdrawal', closeOn);
      return;
    }
    case 'hearingUpcoming':
    case 'hearingShortNotice': {
      await holdSession(run, c, firstSession, 'failed');
      await addCaseEvidence(run, c, firstSession, 'arbitration');
      // this week and the next three weeks; short notice: in a day or two, notice served
      // yesterday or not at all (the calendar warns)
      const short = story === 'hearingShortNotice';
      const from = short ? workdays(run, addDays(today, 1), x.upcomingIndex % 2) : workdays(run, addDays(today, WEEKS_AHEAD[x.upcomingIndex % WEEKS_AHEAD.length]! * 7), 0);
      const scheduledOn = max(firstSession, short ? previousWorkday(run, today) : min(addDays(from, -8), today));
      const noticeOn = short && x.upcomingIndex % 2 ? null : scheduledOn;
      const date = short ? from : max(from, workdays(run, scheduledOn, 5));
      await schedule(run, c, x.slots, { date, scheduledOn, noticeOn, latest: addDays(today, 60) });
      if (noticeOn) {
        run.at(noticeOn, '15:00');
        const docs = await generate(run, c, 'hearingNotice');
        await serve(run, c, docs, noticeOn, today, true);
      }
      return;
    }
    case 'heard':
    case 'closedAward':
    case 'closedFinalAward': {
      const heard = story === 'heard';
      const defaulted = !heard && c.rng.chance(0.15);
      await holdSession(run, c, firstSession, 'failed');
      const exhibits = await addCaseEvidence(run, c, firstSession, 'arbitration');
      const noticeOn = workdays(run, firstSession, 1);
      // heard cases: the hearing was in the last few working days (this week's calendar)
      const earliest = workdays(run, noticeOn, 5 + c.rng.int(0, 2));
      const yesterday = previousWorkday(run, today);
      const date = heard ? max(earliest, previousWorkday(run, yesterday, x.upcomingIndex % 3)) : earliest;
      const hearing = await schedule(run, c, x.slots, { date, scheduledOn: noticeOn, noticeOn, latest: heard ? yesterday : addDays(today, -1) });
      run.at(noticeOn, '15:00');
      await serve(run, c, await generate(run, c, 'hearingNotice'), noticeOn, today, true);
      const hearingOn = hearing.startsAt.slice(0, 10);
      await hold(run, c, hearing, exhibits, { applicant: true, respondent: !defaulted });
      run.at(hearingOn, hearing.endsAt.slice(11, 16));
      await generate(run, c, 'hearingRecord');
      await generate(run, c, 'evidenceList');
      const decidedOn = min(workdays(run, hearingOn, c.rng.int(1, 3)), today);
      await draftAward(run, c, min(workdays(run, hearingOn, 1), today), hearingOn, defaulted);
      if (heard && c.rng.chance(0.5)) return;
      const { award, documents } = await issueAward(run, c, decidedOn);
      const servedBy = await serve(run, c, documents, decidedOn, today);
      if (heard) return;
      const closeOn = max(servedBy, min(x.plannedClose ?? servedBy, today));
      await close(run, c, closingMethodOf(award), closeOn);
      // after the award: paid in full, in part or not at all (→ warning after it takes effect)
      const paidOn = addDays(decidedOn, c.rng.int(8, 20));
      const share = c.rng.weighted<number>([[100, 50], [50, 25], [0, 25]]);
      if (share && paidOn <= today) await payAward(run, c, paidOn, share);
      return;
    }
    case 'inspectionOrder': {
      await holdSession(run, c, firstSession, 'failed');
      const orderBy = workdays(run, c.acceptedOn, 3);
      const payBy = min(workdays(run, orderBy, 5), addDays(today, -1));
      await inspect(run, c, c.acceptedOn, payBy);
      return;
    }
  }
}

/** The working day `back` working days before the one before `date`. */
function previousWorkday(run: LivingRun, date: string, back = 0): string {
  let d = addDays(date, -1);
  for (let n = 0; ; d = addDays(d, -1)) {
    if (!run.services.ctx.calendar.isWorkday(d)) continue;
    if (n++ === back) return d;
  }
}

async function close(run: LivingRun, c: LivingCase, method: 'mediation' | 'finalAward' | 'nonFinalAward' | 'withdrawal', on: string): Promise<void> {
  run.at(on, '16:40');
  await run.call('closing.close', { caseId: c.id, method, closedOn: on });
  run.count('结案');
  await generate(run, c, 'closingApproval');
}
