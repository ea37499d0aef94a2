// 证据目录: the numbered list of exhibits, in the layout of the other documents (GB/T 9704 geometry,
// 仿宋, the commission, title, case number). The copy given to the parties has no SHA-256 column;
// the case bundle's copy keeps it, so the files under evidence/ can be checked against it.
import type { Document } from 'docx';
import { blankLine, docNumber, docTitle, note, officialDocument, organLine, partyBlock, SIZES, table, type TableColumn } from './layout';

/** What the 证据目录 shows; the service fills it from the case (labels already in Chinese). */
export type EvidenceListData = {
  commissionName: string;
  caseNumber: string | null;
  /** Shown when there is no case number yet, e.g. "2026年11月16日收案". */
  caseLabel: string;
  cause: string;
  applicants: string[];
  respondents: string[];
  exportedOn: string;
  exhibits: {
    /** 证据一、证据二… */
    label: string;
    title: string;
    fileName: string;
    submittedBy: string;
    purposeOfProof: string;
    pageCount: number | null;
    originalSeen: boolean;
    sha256: string;
    /** e.g. "监察调取，仲裁认可（共享互认）" or "" */
    note: string;
  }[];
};

/** 张三 / 张三、李四、王五 / 张三等30人 */
const names = (list: string[]) => (list.length === 0 ? '—' : list.length <= 3 ? list.join('、') : `${list[0]}等${list.length}人`);

/** SHA-256 in four groups of 16, one per line, so it fits a narrow column and is easy to compare. */
const shaLines = (sha256: string) => [0, 16, 32, 48].map((i) => sha256.slice(i, i + 16)).join('\n');

/** The 证据目录: `hashes` adds the SHA-256 column (the case bundle's copy). */
export function buildEvidenceList(data: EvidenceListData, opts: { hashes?: boolean } = {}): Document {
  const hashes = opts.hashes ?? false;
  const columns: TableColumn[] = [
    { header: '序号', width: hashes ? 9 : 10, align: 'center' },
    { header: '证据名称', width: hashes ? 22 : 28 },
    { header: '提交人', width: hashes ? 10 : 12, align: 'center' },
    { header: '证明目的', width: hashes ? 25 : 34 },
    { header: '页数', width: 7, align: 'center' },
    { header: '原件', width: 7, align: 'center' },
    ...(hashes ? [{ header: 'SHA-256', width: 20 } satisfies TableColumn] : []),
  ];
  const rows = data.exhibits.map((e) => [
    e.label,
    [e.title, `（${e.fileName}）`, ...(e.note ? [e.note] : [])].join('\n'),
    e.submittedBy,
    e.purposeOfProof || '—',
    e.pageCount == null ? '—' : String(e.pageCount),
    e.originalSeen ? '是' : '否',
    ...(hashes ? [shaLines(e.sha256)] : []),
  ]);
  const children = [
    organLine(data.commissionName),
    docTitle('证据目录'),
    docNumber(data.caseNumber ?? `（尚未编号）${data.caseLabel}`),
    ...partyBlock([`案由：${data.cause}`, `申请人：${names(data.applicants)}`, `被申请人：${data.respondents.length ? data.respondents.join('、') : '—'}`]),
    blankLine(),
    ...(data.exhibits.length ? [table({ columns, rows, size: SIZES.wu })] : [note('（本案尚无证据）', { indent: true })]),
    note(
      `共${data.exhibits.length}项证据。${hashes ? 'SHA-256 为证据文件的校验值，可用于核对案卷包中 evidence/ 目录下同名文件未被改动。' : ''}制作日期：${data.exportedOn}。`,
      { indent: true },
    ),
  ];
  return officialDocument({ title: '证据目录', children });
}
