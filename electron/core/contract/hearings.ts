import { z } from 'zod';
import { procedures } from '../domain';
import { date, id, localTime, longText, out, text } from './fields';
import type { Methods, Role } from './spec';

/** An account that can sit on a hearing: arbitrators and clerks (one person may be both). */
export type StaffView = { id: number; roles: Role[]; name: string; active: boolean };
export type RoomView = { id: number; name: string; location: string | null; active: boolean };
export type HearingWarning = { kind: 'noticePeriod' | 'awardDeadline' | 'pastDate'; message: string };
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
export type HearingRecordStep = { step: string; content: string; updatedAt: string | null };
export type HearingDetail = HearingView & { record: HearingRecordStep[]; crossExaminations: CrossExaminationView[]; representatives: string[] };

export const hearingsContract = {
  'staff.list': { input: z.object({}).default({}), output: out<{ staff: StaffView[]; rooms: RoomView[] }>(), access: 'signedIn', reads: true },
  'rooms.save': { input: z.object({ id: id.optional(), name: text(40).min(1, '请填写仲裁庭名称').meta({ title: '仲裁庭名称' }), location: text(100).nullable().optional(), active: z.boolean().default(true) }), output: out<{ staff: StaffView[]; rooms: RoomView[] }>(), access: ['admin'], reads: false },
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
  'hearings.attendance': { input: z.object({ id, applicantPresent: z.boolean(), respondentPresent: z.boolean() }), output: out<HearingDetail>(), access: ['clerk', 'arbitrator'], reads: false },
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
