// One exhibit's 质证 as a line of the hearing record, e.g.
// "证据三《工资表》：申请人对真实性、合法性、关联性均无异议；被申请人对真实性有异议，认为系事后补写；仲裁庭认定：对真实性、合法性、关联性予以确认。"
// Pure. The line for an exhibit is replaced (not duplicated) when a party's view changes.

export type Aspect = 'authenticity' | 'legality' | 'relevance';
export type View = 'accepted' | 'disputed' | 'noView';
export type Party = 'applicant' | 'respondent' | 'tribunal';
export type PartyView = { party: Party; authenticity: View | null; legality: View | null; relevance: View | null; opinion: string };

export const aspectLabels: Record<Aspect, string> = { authenticity: '真实性', legality: '合法性', relevance: '关联性' };
export const partyLabels: Record<Party, string> = { applicant: '申请人', respondent: '被申请人', tribunal: '仲裁庭' };
const ASPECTS: Aspect[] = ['authenticity', 'legality', 'relevance'];

const partyWords: Record<View, string> = { accepted: '无异议', disputed: '有异议', noView: '不发表意见' };
const tribunalWords: Record<View, string> = { accepted: '予以确认', disputed: '不予确认', noView: '暂不认定' };

function describe(view: PartyView): string {
  const words = view.party === 'tribunal' ? tribunalWords : partyWords;
  const groups: { v: View; aspects: string[] }[] = [];
  for (const a of ASPECTS) {
    const v = view[a];
    if (!v) continue;
    const g = groups.find((x) => x.v === v);
    if (g) g.aspects.push(aspectLabels[a]);
    else groups.push({ v, aspects: [aspectLabels[a]] });
  }
  const parts = groups.map((g) => `对${g.aspects.join('、')}${g.aspects.length === 3 && g.v !== 'noView' ? '均' : ''}${words[g.v]}`);
  const opinion = view.opinion.trim().replace(/[。；;]+$/, '');
  if (opinion) parts.push(opinion);
  if (!parts.length) parts.push('未发表意见');
  return parts.join('，');
}

/** The prefix that identifies an exhibit's line: "证据三《工资表》：". */
export function crossExaminationPrefix(label: string, title: string): string {
  return `${label}《${title}》：`;
}

export function crossExaminationLine(label: string, title: string, views: PartyView[]): string {
  const order: Party[] = ['applicant', 'respondent', 'tribunal'];
  const sorted = [...views].sort((a, b) => order.indexOf(a.party) - order.indexOf(b.party));
  const text = sorted
    .map((v) => (v.party === 'tribunal' ? `仲裁庭认定：${describe(v)}` : `${partyLabels[v.party]}${describe(v)}`))
    .join('；');
  return `${crossExaminationPrefix(label, title)}${text}。`;
}

/** Puts `line` into a record step's text: replaces the exhibit's earlier line, or appends it. */
export function upsertRecordLine(content: string, prefix: string, line: string): string {
  const lines = content ? content.split('\n') : [];
  const at = lines.findIndex((l) => l.startsWith(prefix));
  if (at >= 0) lines[at] = line;
  else {
    while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
    lines.push(line);
  }
  return lines.join('\n');
}
