// The hearing record (庭审笔录) follows the hearing order of Rules Art 41. Each step has a key (stored in
// hearing_record_steps.step), a Chinese title and ready phrases the clerk inserts and then edits.
// Speaker labels: 审 (arbitrator / tribunal), 书 (clerk), 申 (applicant), 被 (respondent), 代 (agent
// or elected representative).

export type RecordStepKey =
  | 'attendance'
  | 'opening'
  | 'identities'
  | 'rights'
  | 'claims'
  | 'investigation'
  | 'debate'
  | 'finalStatements'
  | 'mediation';

export type RecordStepDefinition = { key: RecordStepKey; title: string; phrases: string[] };

export const SPEAKER_LABELS = { 审: '仲裁员', 书: '书记员', 申: '申请人', 被: '被申请人', 代: '代理人/代表人' } as const;

export const recordSteps: readonly RecordStepDefinition[] = [
  {
    key: 'attendance',
    title: '查明到庭情况、宣布庭审纪律',
    phrases: [
      '书：请当事人及其代理人入座。现在查明当事人到庭情况。',
      '书：申请人＿＿＿到庭；被申请人＿＿＿（委托代理人＿＿＿）到庭。',
      '书：现在宣布庭审纪律：全体人员不得录音、录像、摄影；关闭手机或调至静音；不得随意走动、喧哗；未经仲裁庭许可不得发言。',
      '书：报告仲裁员，当事人到庭情况已查明，庭审纪律已宣布完毕。',
    ],
  },
  {
    key: 'opening',
    title: '宣布开庭、案由、仲裁员与书记员',
    phrases: [
      '审：现在开庭。',
      '审：本庭今天依法审理申请人＿＿＿与被申请人＿＿＿追索劳动报酬争议一案。',
      '审：本案适用简易处理，由仲裁员＿＿＿独任审理，书记员＿＿＿担任记录。',
      '审：本案适用普通程序，由首席仲裁员＿＿＿、仲裁员＿＿＿、＿＿＿组成仲裁庭，书记员＿＿＿担任记录。',
    ],
  },
  {
    key: 'identities',
    title: '核对当事人身份',
    phrases: [
      '审：下面核对当事人身份。申请人陈述姓名、身份证号码、住址。',
      '申：我叫＿＿＿，身份证号码＿＿＿，住＿＿＿。',
      '被：被申请人＿＿＿，统一社会信用代码＿＿＿，法定代表人＿＿＿。',
      '代：我是＿＿＿的委托代理人＿＿＿，代理权限为＿＿＿，授权委托书已提交。',
      '审：双方对对方出庭人员的身份有无异议？',
      '审：经核对，双方当事人及代理人身份符合法律规定，可以参加本案仲裁活动。',
    ],
  },
  {
    key: 'rights',
    title: '告知权利义务、询问是否申请回避',
    phrases: [
      '审：当事人的权利义务已在受理通知书、应诉通知书中书面告知，双方是否收到并清楚？',
      '申：收到了，清楚。',
      '被：收到了，清楚。',
      '审：当事人有权申请仲裁员、书记员回避。双方是否申请回避？',
      '申：不申请回避。',
      '被：不申请回避。',
    ],
  },
  {
    key: 'claims',
    title: '申请人陈述仲裁请求、被申请人答辩',
    phrases: [
      '审：下面由申请人陈述仲裁请求及事实和理由。',
      '申：请求裁决被申请人支付拖欠的工资＿＿＿元。事实和理由：＿＿＿。',
      '代：代表人＿＿＿代表全体申请人陈述：＿＿＿。',
      '审：被申请人进行答辩。',
      '被：答辩意见：＿＿＿。',
    ],
  },
  {
    key: 'investigation',
    title: '庭审调查、举证质证',
    phrases: [
      '审：下面进行庭审调查。申请人在何时何地为谁提供劳动？工作期间、工资标准如何约定？',
      '审：双方是否确认已收到对方提交的证据？下面由申请人举证。',
      '申：出示证据＿＿＿，证明＿＿＿。',
      '审：被申请人对上述证据的真实性、合法性、关联性发表质证意见。',
      '被：对真实性无异议，对证明目的有异议，理由是＿＿＿。',
      '审：庭审调查结束。',
    ],
  },
  {
    key: 'debate',
    title: '庭审辩论',
    phrases: [
      '审：下面进行庭审辩论。争议焦点为：＿＿＿。双方围绕争议焦点发表辩论意见。',
      '申：辩论意见：＿＿＿。',
      '被：辩论意见：＿＿＿。',
      '审：双方是否还有新的辩论意见？',
      '审：庭审辩论结束。',
    ],
  },
  {
    key: 'finalStatements',
    title: '最后陈述',
    phrases: [
      '审：下面由双方作最后陈述。',
      '申：坚持仲裁请求。',
      '被：坚持答辩意见。',
      '代：请求仲裁庭依法支持全体申请人的请求。',
    ],
  },
  {
    key: 'mediation',
    title: '庭审调解',
    phrases: [
      '审：仲裁庭在作出裁决前应当先行调解。双方是否愿意调解？',
      '申：愿意调解，调解方案是＿＿＿。',
      '被：愿意调解，同意于＿＿＿前支付＿＿＿元。',
      '审：双方达成调解协议，仲裁庭将据此制作调解书，调解书经双方当事人签收后发生法律效力。',
      '审：因双方意见分歧较大，调解不成，仲裁庭将依法裁决。',
      '审：现在休庭。请双方当事人阅读庭审笔录，如有遗漏或差错可申请补正，确认无误后签名。',
    ],
  },
];

export const recordStepKeys: readonly RecordStepKey[] = recordSteps.map((s) => s.key);

export function findRecordStep(key: string): RecordStepDefinition | undefined {
  return recordSteps.find((s) => s.key === key);
}
