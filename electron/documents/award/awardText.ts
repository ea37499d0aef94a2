/**
 * The arbitrator's own texts (defence, facts, evidence, reasoning) placed after the award's fixed
 * leads without doubling them: "被申请人辩称：" is not put before "被申请人…辩称", "经审理查明：" not
 * before "经查，…", and a reasoning that already ends "…裁决如下：" does not get a second one.
 */

/** Splits a text into its non-empty lines. */
export function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** Leads a text's first line, unless it already opens the same way (`opens`). */
export function withLead(text: string, lead: string, opens: RegExp): string[] {
  const list = lines(text);
  if (!list.length) return [];
  if (!opens.test(list[0]!)) list[0] = `${lead}${list[0]}`;
  return list;
}

/** "被申请人辩称：" unless the text names who argues ("被申请人甲辩称", "二被申请人共同辩称", "甲公司辩称…"). */
export const defenceLines = (text: string): string[] => withLead(text, '被申请人辩称：', /^.{0,60}?辩称|^被申请人/);

/** "经审理查明：" unless the text starts with its own finding lead (经审理查明、经查明、经查、查明、本委查明). */
export const factLines = (text: string): string[] => withLead(text, '经审理查明：', /^(经审理查明|经审理查实|经查明|经查|查明|本委查明|经审查)/);

/**
 * The reasoning, led by "本委认为，" unless it opens with it (or with "仲裁庭认为"), and the legal basis
 * the arbitrator put before a closing "裁决如下" ("依照《…》第…条的规定"): the award closes with
 * "综上，依照…的规定，本委裁决如下：" once, the basis kept in that sentence rather than left dangling.
 */
export function reasoningParts(text: string): { lines: string[]; basis: string | null } {
  const { text: body, basis } = splitDecisionLead(text);
  return { lines: withLead(body, '本委认为，', /^(本委认为|仲裁庭认为|本庭认为)/), basis };
}

/** The award's closing lead: "综上，[依照…的规定，]本委裁决如下：". */
export const decisionLead = (basis: string | null): string => `综上，${basis ? `${basis}，` : ''}本委裁决如下：`;

/** Removes a closing "综上，…裁决如下：" the arbitrator typed (the award adds its own lead once); returns the basis it named. */
export function splitDecisionLead(text: string): { text: string; basis: string | null } {
  const list = lines(text);
  if (!list.length) return { text: '', basis: null };
  const last = list[list.length - 1]!;
  let stripped = last.replace(/[，,]?\s*(综上[所述]*[，,]?)?\s*(本委|本庭|仲裁庭)?(依法)?(作出)?裁决如下[：:。]?\s*$/, '').replace(/[，,]$/, '');
  if (stripped === last) return { text: list.join('\n'), basis: null };
  // the last clause "依照／根据／依据《…》…的规定" is the basis of the decision
  const clause = /(?:^|[。；;，,])\s*((?:综上[所述]*[，,]\s*)?((?:依照|根据|依据)[^。；;]*?(?:的|之)规定))$/.exec(stripped);
  const basis = clause ? clause[2]! : null;
  if (clause) stripped = stripped.slice(0, stripped.length - clause[1]!.length).replace(/[，,；;\s]+$/, '');
  if (stripped) list[list.length - 1] = /[。；;]$/.test(stripped) ? stripped : `${stripped}。`;
  else list.pop();
  return { text: list.join('\n'), basis };
}

/** The evidence text as typed (no lead of its own). */
export const evidenceLines = (text: string): string[] => lines(text);
