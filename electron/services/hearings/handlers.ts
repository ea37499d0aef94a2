import type { ServiceContext } from '../context';
import { setHearingTimes } from './hearingTimes';
import type { HandlersOf } from '../createServices';
import { crossExaminationsForCase, saveCrossExamination } from './crossExamination';
import { recordAttendance } from './attendance';
import { getHearingDetail, saveRecordStep } from './hearingRecord';
import { hearingsForCase, hearingsWeek } from './hearingViews';
import { cancelHearing, checkHearing, moveHearing, recordHearingNotice, scheduleHearing } from './scheduling';
import { listStaffAndRooms, saveRoom } from './staffService';
import { composeTribunal } from './tribunal';
import './registerTribunalNotice';

/** 快审: staff and rooms, the hearing calendar, the hearing record, 质证. */
export function hearingHandlers(ctx: ServiceContext): HandlersOf<'staff.' | 'rooms.' | 'hearings.' | 'crossExamination.' | 'tribunal.'> {
  return {
    'staff.list': () => listStaffAndRooms(ctx.db),
    'rooms.save': (input) => saveRoom(ctx, input),
    'tribunal.compose': (input) => composeTribunal(ctx, input),
    'hearings.week': (input) => hearingsWeek(ctx, input),
    'hearings.forCase': ({ caseId }) => hearingsForCase(ctx, caseId),
    'hearings.check': (input) => checkHearing(ctx, input),
    'hearings.schedule': (input) => scheduleHearing(ctx, input),
    'hearings.move': (input) => moveHearing(ctx, input),
    'hearings.cancel': (input) => cancelHearing(ctx, input),
    'hearings.recordNotice': (input) => recordHearingNotice(ctx, input),
    'hearings.attendance': (input) => recordAttendance(ctx, input),
    'hearings.get': ({ id }) => getHearingDetail(ctx, id),
    'hearings.setTimes': (input) => setHearingTimes(ctx, input),
    'hearings.saveRecordStep': (input) => saveRecordStep(ctx, input),
    'crossExamination.save': (input) => saveCrossExamination(ctx, input),
    'crossExamination.forCase': ({ caseId }) => crossExaminationsForCase(ctx, caseId),
  };
}
