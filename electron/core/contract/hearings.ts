import { z } from 'zod';
import { procedures } from '../domain';
import { date, id, localTime, longText, out, text } from './fields';
import type { Methods, Role } from './spec';

/** An account that can sit on a hearing: arbitrators and clerks (one person may be both). */
export type StaffView = { id: number; roles: Role[]; name: string; active: boolean };
export type RoomView = { id: number; name: string; location: string | null; active: boolean };
export type HearingWarning = { kind: 'noticePeriod' | 'defencePeriod' | 'restDay' | 'awardDeadline' | 'pastDate'; message: string };
export type HearingConflict = { kind: 'room' | 'arbitrator' | 'clerk'; hearingId: number; caseNumber: string | null; message: string };
export type HearingView = {
  id: number;
  caseId: number;
  caseNumber: string | null;
  caseTitle: string;
  startsAt: string;
  endsAt: string;
  roomId: number;
  roomName: string;
  procedure: (typeof procedures)[number];
  presidingId: number;
  wingIds: number[];
  clerkId: number;
  arbitratorNames: string[];
  clerkName: string;
  noticeServedOn: string | null;
  noticeWaived: boolean;
  noticeWaiverNote: string | null;
  status: 'scheduled' | 'held' | 'cancelled';
  applicantPresent: boolean | null;
  respondentPresent: boolean | null;
  outcome: 'held' | 'default' | 'deemedWithdrawal' | null;
  /** When the hearing actually opened and closed, China local 'YYYY-MM-DDTHH:mm' (for the 庭审笔录). */
  openedAt: string | null;
  closedAt: string | null;
  warnings: HearingWarning[];
};
export type CrossExaminationView = {
  id: number;
  exhibitId: number;
  hearingId: number | null;
  party: 'applicant' | 'respondent' | 'tribunal';
  authenticity: 'accepted' | 'disputed' | 'noView' | null;
  legality: 'accepted' | 'disputed' | 'noView' | null;
  relevance: 'accepted' | 'disputed' | 'noView' | null;
  opinion: string;
  recordedAt: string;
};
/** 组庭: the case's tribunal (Law Arts 31–32). */
export type TribunalView = {
  procedure: (typeof procedures)[number];
  presidingId: number;
  wingIds: number[];
  clerkId: number | null;
  arbitratorNames: string[];
  clerkName: string | null;
  composedOn: string;
};
export type HearingRecordStep = { step: string; content: string; updatedAt: string | null };
/** One party at one hearing: a respondent, or on the applicant side a representative (collective) or a worker. */
export type AttendanceParty = { party: 'respondent' | 'worker'; partyId: number; name: string; present: boolean | null; attendedBy: string | null };
export type HearingDetail = HearingView & {
  record: HearingRecordStep[];
  crossExaminations: CrossExaminationView[];
  representatives: string[];
  /** Every party whose attendance is recorded for this hearing (present null = not recorded yet). */
  attendance: { applicantLabel: string; applicants: AttendanceParty[]; respondents: AttendanceParty[] };
};

export const hearingsContract = {
  'staff.list': { input: z.object({}).default({}), output: out<{ staff: StaffView[]; rooms: RoomView[] }>(), access: 'signedIn', reads: true },
  'rooms.save': { input: z.object({ id: id.optional(), name: text(40).min(1, '请填写仲裁庭名称').meta({ title: '仲裁庭名称' }), location: text(100).nullable().optional(), active: z.boolean().default(true) }), output: out<{ staff: StaffView[]; rooms: RoomView[] }>(), access: ['admin'], reads: false },
  /** 组庭: the tribunal of a case (three arbitrators with a presiding one, or a sole arbitrator in a simple case). */
  'tribunal.compose': {
    access: ['clerk', 'arbitrator'], reads: false,
    input: z
      .object({
        caseId: id,
        presidingId: id,
        wingIds: z.array(id).max(2, '仲裁庭最多三名仲裁员').default([]),
        clerkId: id.nullable().optional(),
        composedOn: date,
        reason: text(200).optional(),
      })
      .strict(),
    output: out<TribunalView>(),
  },
  'hearings.week': { input: z.object({ from: date, days: z.number().int().min(1).max(42).default(7) }), output: out<HearingView[]>(), access: 'signedIn', reads: true },
  'hearings.forCase': { input: z.object({ caseId: id }), output: out<HearingView[]>(), access: 'signedIn', reads: true },
  'hearings.check': {
    access: 'signedIn', reads: true,
    input: z.object({ hearingId: id.nullable().optional(), caseId: id, startsAt: localTime, endsAt: localTime, roomId: id, presidingId: id, wingIds: z.array(id).max(2).default([]), clerkId: id, noticeServedOn: date.nullable().optional(), noticeWaived: z.boolean().default(false) }),
    output: out<{ conflicts: HearingConflict[]; warnings: HearingWarning[] }>(),
  },
  'hearings.schedule': {
    access: ['clerk'], reads: false,
    input: z.object({
      caseId: id,
      startsAt: localTime,
      endsAt: localTime,
      roomId: id,
      procedure: z.enum(procedures),
      presidingId: id,
      wingIds: z.array(id).max(2).default([]),
      clerkId: id,
      noticeServedOn: date.nullable().optional(),
      noticeWaived: z.boolean().default(false),
      noticeWaiverNote: longText(500).nullable().optional(),
    }),
    output: out<HearingView>(),
  },
  /** Drag to another slot (or room): the same conflict and period checks as scheduling. */
  'hearings.move': { input: z.object({ id, startsAt: localTime, endsAt: localTime, roomId: id.optional() }), output: out<HearingView>(), access: ['clerk'], reads: false },
  'hearings.cancel': { input: z.object({ id, reason: text(200).min(1, '请填写取消原因') }), output: out<HearingView>(), access: ['clerk'], reads: false },
  'hearings.recordNotice': { input: z.object({ id, servedOn: date }), output: out<HearingView>(), access: ['clerk'], reads: false },
  /** Who came, party by party: each respondent and each applicant-side party (representatives of a collective case, else each worker). */
  'hearings.attendance': {
    access: ['clerk', 'arbitrator'], reads: false,
    input: z
      .object({
        id,
        respondents: z.array(z.object({ respondentId: id, present: z.boolean({ message: '请选择是否到庭' }), attendedBy: text(60).nullable().optional() }).strict()).min(1, '请登记每个被申请人的到庭情况').max(30),
        applicants: z.array(z.object({ workerId: id, present: z.boolean({ message: '请选择是否到庭' }), attendedBy: text(60).nullable().optional() }).strict()).min(1, '请登记申请人一方的到庭情况').max(2000),
      })
      .strict(),
    output: out<HearingDetail>(),
  },
  /** The actual opening and closing time of the hearing (the 庭审笔录 prints them). */
  'hearings.setTimes': { input: z.strictObject({ id, openedAt: localTime.nullable(), closedAt: localTime.nullable() }), output: out<HearingDetail>(), access: ['clerk', 'arbitrator'], reads: false },
  'hearings.get': { input: z.object({ id }), output: out<HearingDetail>(), access: 'signedIn', reads: true },
  /** Autosave of one step of the hearing record. */
  'hearings.saveRecordStep': { input: z.object({ hearingId: id, step: text(40).min(1), content: longText(200_000, { trim: false }) }), output: out<{ updatedAt: string }>(), access: ['clerk', 'arbitrator'], reads: false },
  'crossExamination.save': {
    access: ['clerk', 'arbitrator'], reads: false,
    input: z.object({
      exhibitId: id,
      hearingId: id.nullable().optional(),
      party: z.enum(['applicant', 'respondent', 'tribunal']),
      authenticity: z.enum(['accepted', 'disputed', 'noView']).nullable(),
      legality: z.enum(['accepted', 'disputed', 'noView']).nullable(),
      relevance: z.enum(['accepted', 'disputed', 'noView']).nullable(),
      opinion: longText(2000).default(''),
    }),
    output: out<CrossExaminationView[]>(),
  },
  'crossExamination.forCase': { input: z.object({ caseId: id }), output: out<CrossExaminationView[]>(), access: 'signedIn', reads: true },
} as const satisfies Methods;
