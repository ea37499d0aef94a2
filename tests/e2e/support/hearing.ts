// An award follows a hearing held: e2e specs that issue an award hold one through the API first.
import type { CaseDetail, HearingDetail, HearingView, RoomView, StaffView } from '../../../electron/core/contract';
import { api } from './api';
import type { RunningHost } from './webHost';

/**
 * Schedules a hearing of the case on `on` (15:00–16:00) with the folder's first arbitrator and
 * clerk (created when there is none, with `password`) and records every party present.
 */
export async function holdHearing(host: RunningHost, caseId: number, on: string, password = 'sucai-e2e-2026'): Promise<number> {
  const list = () => api<{ staff: StaffView[]; rooms: RoomView[] }>(host, 'staff.list', {});
  let { staff, rooms } = await list();
  if (!staff.some((p) => p.active && p.roles.includes('arbitrator'))) await api(host, 'accounts.create', { username: 'hearing-arb', name: '吴国栋', roles: ['arbitrator'], password });
  if (!staff.some((p) => p.active && p.roles.includes('clerk'))) await api(host, 'accounts.create', { username: 'hearing-clerk', name: '周婷', roles: ['clerk'], password });
  if (!rooms.some((r) => r.active)) await api(host, 'rooms.save', { name: '第一仲裁庭', location: '三楼' });
  ({ staff, rooms } = await list());
  const detail = await api<CaseDetail>(host, 'cases.get', { id: caseId });
  // the first hour of the day no other hearing of the folder takes (one room, one arbitrator)
  const taken = new Set((await api<HearingView[]>(host, 'hearings.week', { from: on, days: 1 })).map((h) => h.startsAt.slice(11, 13)));
  const slot = ['09', '10', '11', '14', '15', '16'].find((hh) => !taken.has(hh)) ?? '17';
  const hearing = await api<HearingView>(host, 'hearings.schedule', {
    caseId,
    startsAt: `${on}T${slot}:00`,
    endsAt: `${on}T${slot}:50`,
    roomId: rooms.find((r) => r.active)!.id,
    procedure: 'simplified',
    presidingId: staff.find((p) => p.active && p.roles.includes('arbitrator'))!.id,
    clerkId: staff.find((p) => p.active && p.roles.includes('clerk'))!.id,
    noticeServedOn: detail.acceptedOn,
  });
  const held = await api<HearingDetail>(host, 'hearings.get', { id: hearing.id });
  await api(host, 'hearings.attendance', {
    id: hearing.id,
    applicants: held.attendance.applicants.map((a) => ({ workerId: a.partyId, present: true })),
    respondents: held.attendance.respondents.map((r) => ({ respondentId: r.partyId, present: true })),
  });
  return hearing.id;
}
