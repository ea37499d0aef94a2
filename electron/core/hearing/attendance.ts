// Attendance at a hearing, party by party: each respondent, and on the applicant side each
// representative of a collective case (or each worker of a small one). Pure wording and outcome.
//  - All applicant-side parties absent → deemed withdrawal (Law Art 36, Rules Art 39).
//  - A respondent absent → the hearing goes on and is heard in default as to that respondent.
//  - Otherwise held.
export type PartyAttendance = { name: string; present: boolean; attendedBy: string | null };
export type AttendanceOutcome = 'held' | 'default' | 'deemedWithdrawal';

export function attendanceOutcome(applicants: PartyAttendance[], respondents: PartyAttendance[]): AttendanceOutcome {
  if (!applicants.some((a) => a.present)) return 'deemedWithdrawal';
  if (respondents.some((r) => !r.present)) return 'default';
  return 'held';
}

const by = (p: PartyAttendance) => (p.attendedBy ? `（${p.attendedBy}）` : '');

/** The line written into the hearing record: "到庭情况：申请人的代表人刘一民到庭，…；被申请人甲到庭（委托代理人王五），乙未到庭。" */
export function attendanceRecordLine(applicantLabel: string, applicants: PartyAttendance[], respondents: PartyAttendance[]): string {
  const side = (label: string, list: PartyAttendance[]) => `${label}${list.map((p) => `${p.name}${p.present ? `到庭${by(p)}` : '未到庭'}`).join('，')}`;
  return `${side(applicantLabel, applicants)}；${side('被申请人', respondents)}。`;
}

function names(list: PartyAttendance[], label: string): string {
  return list.map((p) => `${label}${p.name}${p.attendedBy ? `的${p.attendedBy.replace(/^的/, '')}` : ''}`).join('、');
}

/**
 * The award's sentence: who came, for every party by name, and the default as to each absent
 * respondent ("被申请人丙经本委书面通知，无正当理由拒不到庭，本委依法对其缺席审理").
 */
export function attendanceSentence(applicantLabel: string, applicants: PartyAttendance[], respondents: PartyAttendance[]): string {
  const parts: string[] = [];
  const here = applicants.filter((a) => a.present);
  const away = applicants.filter((a) => !a.present);
  if (here.length) parts.push(`${applicantLabel}${here.map((a) => a.name).join('、')}到庭参加庭审`);
  if (away.length) parts.push(`${applicantLabel}${away.map((a) => a.name).join('、')}未到庭`);
  const present = respondents.filter((r) => r.present);
  const absent = respondents.filter((r) => !r.present);
  if (present.length) parts.push(`${names(present, '被申请人')}到庭参加庭审`);
  if (absent.length) parts.push(`被申请人${absent.map((r) => r.name).join('、')}经本委书面通知，无正当理由拒不到庭，本委依法对其缺席审理`);
  return `${parts.join('；')}。`;
}
