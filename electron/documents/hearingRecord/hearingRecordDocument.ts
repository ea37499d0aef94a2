/**
 * 庭审笔录 as a docx: the header (time, place, 案由, tribunal, clerk, parties and who came), then each
 * step of the hearing order (Rules Art 41) with what the clerk typed — speaker labels (审/书/申/被/代)
 * kept as typed and set in bold — including the 质证 lines, then the signature lines (Law Art 40):
 * arbitrators, clerk, and each party's "以上笔录经本人核对无误" with a place to sign. Pure.
 */
import type { Paragraph, Table } from 'docx';
import { formatChineseDate } from '../../core/dates';
import type { BuiltDocument } from '../index';
import { blankLine, docNumber, docTitle, FONTS, heading2, officialDocument, organLine, para, partyBlock } from '../layout';

export type HearingRecordDocData = {
  commissionName: string;
  caseLabel: string;
  cause: string;
  hearingId: number;
  startsAt: string;
  endsAt: string;
  /** When the hearing actually opened and closed; the record leaves blanks to fill in by hand without them. */
  openedAt: string | null;
  closedAt: string | null;
  roomName: string;
  roomLocation: string | null;
  procedure: 'simplified' | 'ordinary';
  arbitrators: string[];
  clerk: string;
  applicants: string;
  representatives: string[];
  respondents: string[];
  applicantPresent: boolean | null;
  respondentPresent: boolean | null;
  outcome: 'held' | 'default' | 'deemedWithdrawal' | null;
  steps: { title: string; content: string }[];
};

const SPEAKER = /^(审|书|申|被|代)([：:])/;

/** The blank a clerk fills in by hand ("＿＿＿"); the record warns before printing while one is left. */
export const PLACEHOLDER = '＿＿＿';
const BLANK_TIME = '＿＿时＿＿分';

/** Where the record still has blanks to fill in: the actual times, and "＿＿＿" left in a step. */
export function recordBlanks(data: Pick<HearingRecordDocData, 'openedAt' | 'closedAt' | 'steps'>): string[] {
  const out: string[] = [];
  if (!data.openedAt || !data.closedAt) out.push(`未登记实际${!data.openedAt ? '开庭' : ''}${!data.openedAt && !data.closedAt ? '、' : ''}${!data.closedAt ? '闭庭' : ''}时间`);
  for (const step of data.steps) {
    const n = step.content.split(PLACEHOLDER).length - 1;
    if (n) out.push(`「${step.title}」还有${n}处“${PLACEHOLDER}”未填写`);
  }
  return out;
}

function time(at: string): string {
  const [date, hm] = at.split('T');
  const [h, m] = (hm ?? '00:00').split(':');
  return `${formatChineseDate(date!)}${Number(h)}时${m}分`;
}

function endTime(at: string): string {
  const [, hm] = at.split('T');
  const [h, m] = (hm ?? '00:00').split(':');
  return `${Number(h)}时${m}分`;
}

/** One typed line: the speaker label in bold, the rest as typed. */
function recordLine(line: string): Paragraph {
  const m = SPEAKER.exec(line);
  if (!m) return para(line);
  return para([{ text: `${m[1]}：`, font: FONTS.hei }, line.slice(m[0].length)]);
}

function presence(present: boolean | null): string {
  return present === null ? '（未登记）' : present ? '到庭' : '未到庭';
}

export function buildHearingRecord(data: HearingRecordDocData): BuiltDocument[] {
  const tribunal =
    data.procedure === 'simplified' || data.arbitrators.length <= 1
      ? [`仲裁员：${data.arbitrators[0] ?? ''}（独任）`]
      : [`首席仲裁员：${data.arbitrators[0]}`, `仲裁员：${data.arbitrators.slice(1).join('、')}`];
  const header = [
    `时间：${data.openedAt ? time(data.openedAt) : `${formatChineseDate(data.startsAt.slice(0, 10))}${BLANK_TIME}`}至${data.closedAt ? endTime(data.closedAt) : BLANK_TIME}`,
    `地点：${data.roomName}${data.roomLocation ? `（${data.roomLocation}）` : ''}`,
    `案由：${data.cause}`,
    ...tribunal,
    `书记员：${data.clerk}`,
    `申请人：${data.applicants}${data.representatives.length ? `（代表人：${data.representatives.join('、')}）` : ''}，${presence(data.applicantPresent)}`,
    ...data.respondents.map((r) => `被申请人：${r}，${presence(data.respondentPresent)}`),
    `记录方式：当庭录入`,
  ];
  const children: (Paragraph | Table)[] = [organLine(data.commissionName), docTitle('庭审笔录'), docNumber(data.caseLabel), ...partyBlock(header).map((p) => p)];
  for (const step of data.steps) {
    const lines = step.content.split(/\r?\n/).filter((l) => l.trim() !== '');
    children.push(heading2(`【${step.title}】`));
    if (!lines.length) children.push(para('（本环节未记录）'));
    else children.push(...lines.map(recordLine));
  }
  children.push(para('（以下无正文）', { align: 'center', indent: false }), blankLine());
  const blank = '＿＿＿＿＿＿';
  const confirm = (label: string): Paragraph[] => [
    para([{ text: label, font: FONTS.hei }, '以上笔录经本人核对无误。'], { indent: false, keepNext: true }),
    para(`签名：${blank}　　日期：　　年　　月　　日`, { align: 'right', indent: false }),
  ];
  const arbitratorLabels =
    data.arbitrators.length > 1 ? data.arbitrators.map((_, i) => (i === 0 ? '首席仲裁员' : '仲裁员')) : ['仲裁员'];
  children.push(
    ...confirm('申请人：'),
    ...(data.representatives.length ? confirm('申请人代表人：') : []),
    ...confirm('被申请人：'),
    blankLine(),
    ...arbitratorLabels.map((label) => para(`${label}（签名）：${blank}`, { indent: false, keepNext: true })),
    para(`书记员（签名）：${blank}`, { indent: false }),
  );
  return [{ variant: `hearing-${data.hearingId}`, title: '庭审笔录', document: officialDocument({ title: `庭审笔录 ${data.caseLabel}`, children }) }];
}
