// An award follows a hearing held (issue 10 follow-up): tests that issue an award hold one first.
import type { Services } from '../../electron/services/createServices';
import { addAccount, callApi, recordAttendance } from './services';

/**
 * Schedules a hearing of the case on `on` (15:00–16:00, in a room and with an arbitrator and clerk
 * created when the folder has none) and records every party's attendance, so the hearing is held.
 * The services' clock must be on or after `on`. Returns the hearing id.
 */
export async function holdHearing(s: Services, caseId: number, on: string, opts: { respondents?: boolean } = {}): Promise<number> {
  let { staff, rooms } = await callApi(s, 'staff.list', {});
  const arbitrators = staff.filter((p) => p.active && p.roles.includes('arbitrator'));
  const detail = await callApi(s, 'cases.get', { id: caseId });
  const three = detail.isCollective || detail.procedure === 'ordinary';
  for (const [i, name] of ['王建华', '李秀梅', '陈志刚'].entries()) if (arbitrators.length < (three ? 3 : 1) && !staff.some((p) => p.name === name)) await addAccount(s, name, ['arbitrator'], `hearing-arb-${i}`);
  if (!staff.some((p) => p.active && p.roles.includes('clerk'))) await addAccount(s, '周婷', ['clerk'], 'hearing-clerk');
  if (!rooms.some((r) => r.active)) await callApi(s, 'rooms.save', { name: '第一仲裁庭', location: '三楼' });
  ({ staff, rooms } = await callApi(s, 'staff.list', {}));
  const arbs = staff.filter((p) => p.active && p.roles.includes('arbitrator'));
  const clerk = staff.find((p) => p.active && p.roles.includes('clerk'))!;
  // the first hour of the day no other hearing of the folder takes (one room, one arbitrator)
  const taken = new Set((await callApi(s, 'hearings.week', { from: on, days: 1 })).map((h) => h.startsAt.slice(11, 13)));
  const slot = ['09', '10', '11', '14', '15', '16'].find((hh) => !taken.has(hh)) ?? '17';
  const hearing = await callApi(s, 'hearings.schedule', {
    caseId,
    startsAt: `${on}T${slot}:00`,
    endsAt: `${on}T${slot}:50`,
    roomId: rooms.find((r) => r.active)!.id,
    procedure: three ? 'ordinary' : 'simplified',
    presidingId: arbs[0]!.id,
    wingIds: three ? [arbs[1]!.id, arbs[2]!.id] : [],
    clerkId: clerk.id,
    noticeServedOn: detail.acceptedOn,
  });
  await recordAttendance(s, hearing.id, { respondents: opts.respondents ?? true });
  return hearing.id;
}
