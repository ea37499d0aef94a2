/**
 * The case facts every decision document prints (award, mediation document, hearing record): the
 * commission, the case number, the parties with their particulars, the procedure and the tribunal,
 * and the pure helpers that write them (party lines, tribunal, sign-off). Read by
 * electron/services/award/caseDocData.ts.
 */
import { AlignmentType, LineRuleType, Paragraph } from 'docx';
import type { HearingView } from '../../core/contract';
import { formatChineseDate } from '../../core/dates';
import { partyRoleLabels, type PartyRole } from '../../core/domain';
import { BODY_LINE, run } from '../layout';
import type { PartyAttendance } from '../../core/hearing/attendance';

export type DocWorker = {
  id: number;
  seq: number;
  name: string;
  sex: 'male' | 'female' | null;
  birthDate: string | null;
  idNumber: string;
  bankCard: string | null;
  isRepresentative: boolean;
};

export type DocRespondent = {
  /** case_respondents.id: what liabilities name. */
  id: number;
  name: string;
  kind: 'company' | 'person';
  role: PartyRole;
  creditCode: string | null;
  idNumber: string | null;
  legalRepresentative: string | null;
  address: string | null;
};

export type DocHearing = Pick<HearingView, 'startsAt' | 'endsAt' | 'roomName' | 'procedure' | 'arbitratorNames' | 'clerkName' | 'status' | 'applicantPresent' | 'respondentPresent' | 'outcome'> & {
  /** Party by party (recorded attendance); empty lists when not recorded. */
  attendance: { applicantLabel: string; applicants: PartyAttendance[]; respondents: PartyAttendance[] };
};

export type CaseDocData = {
  caseId: number;
  commissionName: string;
  commissionAddress: string | null;
  caseNumber: string | null;
  /** The case number, or the intake label while there is none. */
  caseLabel: string;
  cause: string;
  receivedOn: string;
  acceptedOn: string | null;
  procedure: 'simplified' | 'ordinary';
  isCollective: boolean;
  workers: DocWorker[];
  respondents: DocRespondent[];
  /** Hearings not cancelled, in date order. */
  hearings: DocHearing[];
  /** The composed tribunal (组庭), when there is one: who signs before any hearing was held. */
  tribunal: { procedure: 'simplified' | 'ordinary'; arbitrators: string[]; clerk: string | null } | null;
  exhibits: { seq: number; title: string }[];
};

// ── Party lines ─────────────────────────────────────────────────────────────────────────────────

const SEX = { male: '男', female: '女' } as const;

/** Sex and birth date from an 18-digit ID number when the record lacks them. */
function fromIdNumber(idNumber: string | null): { sex: 'male' | 'female' | null; birthDate: string | null } {
  if (!idNumber || !/^\d{17}[\dX]$/.test(idNumber)) return { sex: null, birthDate: null };
  const birth = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  return { sex: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female', birthDate: birth };
}

function safeDate(date: string | null): string | null {
  if (!date) return null;
  try {
    return formatChineseDate(date);
  } catch {
    return null;
  }
}

/** "申请人：张三，男，1980年1月10日出生，身份证号码360702198001100204。" */
export function workerLine(w: Pick<DocWorker, 'name' | 'sex' | 'birthDate' | 'idNumber'>, label = '申请人'): string {
  const derived = fromIdNumber(w.idNumber);
  const sex = w.sex ?? derived.sex;
  const birth = safeDate(w.birthDate ?? derived.birthDate);
  const parts = [w.name, sex ? SEX[sex] : null, birth ? `${birth}出生` : null, `身份证号码${w.idNumber}`].filter(Boolean);
  return `${label}：${parts.join('，')}。`;
}

/** One or two lines per respondent: name and particulars, then 法定代表人 for a company. */
export function respondentLines(r: DocRespondent, label = '被申请人'): string[] {
  if (r.kind === 'person') {
    const d = fromIdNumber(r.idNumber);
    const parts = [
      r.name,
      d.sex ? SEX[d.sex] : null,
      d.birthDate && safeDate(d.birthDate) ? `${safeDate(d.birthDate)}出生` : null,
      r.idNumber ? `身份证号码${r.idNumber}` : null,
      r.address ? `住${r.address}` : null,
      `系本案工程${partyRoleLabels[r.role]}`,
    ].filter(Boolean);
    return [`${label}：${parts.join('，')}。`];
  }
  const parts = [r.name, r.address ? `住所地${r.address}` : null, r.creditCode ? `统一社会信用代码${r.creditCode}` : null].filter(Boolean);
  const lines = [`${label}：${parts.join('，')}。`];
  lines.push(`法定代表人：${r.legalRepresentative ?? '＿＿＿＿'}。`);
  return lines;
}

/**
 * The applicants of a document. Few applicants: one line each. Many (a collective case): the
 * elected representatives of the whole case (every document of the case names the same ones, even
 * one that concerns only some of the workers), then "等N名申请人，名单见附表".
 */
export function applicantLines(list: DocWorker[], opts: { collective: boolean; annexName?: string; representatives?: DocWorker[] }): string[] {
  const reps = opts.representatives ?? list.filter((w) => w.isRepresentative);
  if (!opts.collective || list.length <= 5) {
    const lines = list.map((w) => workerLine(w));
    // a collective case's representatives act for every worker, including these few
    if (opts.collective && reps.length) lines.push(`代表人：${reps.map((w) => w.name).join('、')}（本案集体劳动人事争议推举的代表人）。`);
    return lines;
  }
  const shown = reps.length ? reps : list.slice(0, 1);
  const lines = shown.map((w) => workerLine(w, reps.length ? '申请人（代表人）' : '申请人'));
  lines.push(`申请人：${shown.map((w) => w.name).join('、')}等${list.length}名申请人，名单见${opts.annexName ?? '附表'}。`);
  return lines;
}

/** "张三等30人" / "张三" */
export function applicantShortName(list: DocWorker[]): string {
  const first = list.find((w) => w.isRepresentative) ?? list[0];
  if (!first) return '申请人';
  return list.length > 1 ? `${first.name}等${list.length}人` : first.name;
}

/** "张三、李四" for up to three, else "张三等12人" (the case's representatives first). */
export function workerNames(list: DocWorker[]): string {
  return list.length <= 3 ? list.map((w) => w.name).join('、') : applicantShortName(list);
}

/** "江西赣建建设集团有限公司、刘德胜" */
export function respondentNames(list: DocRespondent[]): string {
  return list.map((r) => r.name).join('、') || '被申请人';
}

/** The tribunal of the latest held (else latest scheduled) hearing, else the composed one. */
export function tribunalOf(data: CaseDocData): { procedure: 'simplified' | 'ordinary'; arbitrators: string[]; clerk: string | null } {
  const held = data.hearings.filter((h) => h.status === 'held');
  const h = held.at(-1) ?? data.hearings.at(-1);
  if (!h) return data.tribunal ?? { procedure: data.procedure, arbitrators: [], clerk: null };
  return { procedure: h.procedure, arbitrators: h.arbitratorNames, clerk: h.clerkName };
}

/** Signer lines: "仲裁员　张某" for a single arbitrator; "首席仲裁员　A", "仲裁员　B", "仲裁员　C" otherwise. */
export function arbitratorSigners(tribunal: ReturnType<typeof tribunalOf>): string[] {
  const names = tribunal.arbitrators;
  if (!names.length) return ['仲裁员　　　　　　'];
  if (names.length === 1) return [`仲裁员　${names[0]}`];
  return names.map((n, i) => `${i === 0 ? '首席仲裁员' : '仲裁员'}　${n}`);
}

/**
 * The court a final award may be challenged in (Law Art 49): the intermediate court where the
 * commission sits. "赣州市劳动人事争议仲裁委员会" → "赣州市中级人民法院"; a county or district
 * commission (whose city is not in its name), or one in a municipality with several intermediate
 * courts (北京、天津、上海、重庆) → "本委所在地的中级人民法院".
 */
export function intermediateCourtOf(commissionName: string): string {
  const place = commissionName.replace(/劳动人事争议仲裁委员会.*$/, '');
  const city = /^(.*?市)/.exec(place)?.[1] ?? /^(.*?(?:自治州|州|盟|地区))$/.exec(place)?.[1];
  const municipality = /^(北京|天津|上海|重庆)市$/.test(city ?? '');
  return city && !municipality && !/[县区旗]$/.test(place.slice(city.length)) ? `${city}中级人民法院` : '本委所在地的中级人民法院';
}

// ── Signatures ──────────────────────────────────────────────────────────────────────────────────

/**
 * The sign-off of a decision document, as the courts and commissions lay it out: the arbitrators,
 * the date in Chinese numerals, the seal note, a blank line, then 书记员 — all kept on one page
 * (layout.signatureBlock's look, with the clerk line inside the keep-together chain).
 */
export function signOff(opts: { signers: string[]; date: string; seal: string; clerk: string | null }): Paragraph[] {
  const line = (text: string, keepNext: boolean): Paragraph =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      indent: { right: 4 * 320 },
      keepNext,
      keepLines: true,
      children: [run(text)],
    });
  return [
    line('', true),
    ...opts.signers.map((s) => line(s, true)),
    line(opts.date, true),
    line(opts.seal, true),
    line('', true),
    line(`书记员　${opts.clerk ?? '　　　　'}`, false),
  ];
}
