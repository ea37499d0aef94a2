import { describe, expect, it } from 'vitest';
import { attendanceOutcome, attendanceRecordLine, attendanceSentence, type PartyAttendance } from '../../electron/core/hearing/attendance';

// Attendance party by party (issue 10 §5). Worked by hand from 《劳动争议调解仲裁法》第三十六条: the
// applicant who, served in writing, does not attend without good reason is deemed to withdraw; a
// respondent who does not attend is heard in default — each respondent for itself.
const p = (name: string, present: boolean, attendedBy: string | null = null): PartyAttendance => ({ name, present, attendedBy });
const REPS = (a: boolean, b: boolean, c: boolean) => [p('刘一民', a), p('陈二妹', b), p('张三', c)];
const RESP = (o: boolean, g: boolean, l: boolean) => [p('甲建投公司', o), p('乙建设集团', g, g ? '法定代表人钟国强' : null), p('丙劳务公司', l, l ? '委托代理人王立明' : null)];

describe('attendanceOutcome (调解仲裁法第三十六条)', () => {
  const table: [string, PartyAttendance[], PartyAttendance[], ReturnType<typeof attendanceOutcome>][] = [
    ['everyone present', REPS(true, true, true), RESP(true, true, true), 'held'],
    ['one representative absent: the others act for the workers', REPS(true, false, true), RESP(true, true, true), 'held'],
    ['every representative absent: deemed withdrawal', REPS(false, false, false), RESP(true, true, true), 'deemedWithdrawal'],
    ['nobody present: the applicant side decides (withdrawal)', REPS(false, false, false), RESP(false, false, false), 'deemedWithdrawal'],
    ['one of three respondents absent: default as to it', REPS(true, true, true), RESP(false, true, true), 'default'],
    ['every respondent absent: default', REPS(true, false, false), RESP(false, false, false), 'default'],
  ];
  it.each(table)('%s', (_label, applicants, respondents, expected) => {
    expect(attendanceOutcome(applicants, respondents)).toBe(expected);
  });
});

describe("the award's sentence and the record line name every party", () => {
  it('names who came (with who attended for a company) and the default as to the absent respondent only', () => {
    expect(attendanceSentence('申请人的代表人', REPS(true, true, false), RESP(false, true, true))).toBe(
      '申请人的代表人刘一民、陈二妹到庭参加庭审；申请人的代表人张三未到庭；被申请人乙建设集团的法定代表人钟国强、被申请人丙劳务公司的委托代理人王立明到庭参加庭审；被申请人甲建投公司经本委书面通知，无正当理由拒不到庭，本委依法对其缺席审理。',
    );
    expect(attendanceSentence('申请人', [p('王五', true)], RESP(true, true, true))).toBe(
      '申请人王五到庭参加庭审；被申请人甲建投公司、被申请人乙建设集团的法定代表人钟国强、被申请人丙劳务公司的委托代理人王立明到庭参加庭审。',
    );
  });
  it('writes the hearing record line party by party', () => {
    expect(attendanceRecordLine('申请人的代表人', REPS(true, false, true), RESP(false, true, true))).toBe(
      '申请人的代表人刘一民到庭，陈二妹未到庭，张三到庭；被申请人甲建投公司未到庭，乙建设集团到庭（法定代表人钟国强），丙劳务公司到庭（委托代理人王立明）。',
    );
  });
});
