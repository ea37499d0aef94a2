/** Word lists for demo data: people, trades, company names. All invented combinations. */
import { Rng, WeightedTable } from './random';

/**
 * Surnames with rough national frequency (per mille), plus the Hakka surnames common in 赣南
 * (刘 钟 曾 谢 廖 赖 温 邱 黄) weighted up, since most workers here come from Ganzhou.
 */
export const SURNAMES = new WeightedTable<string>([
  ['王', 71], ['李', 70], ['张', 68], ['刘', 75], ['陈', 55], ['杨', 31], ['黄', 35], ['赵', 23], ['吴', 20],
  ['周', 19], ['徐', 13], ['孙', 12], ['马', 11], ['朱', 13], ['胡', 12], ['郭', 10], ['何', 10], ['林', 9],
  ['罗', 12], ['高', 8], ['郑', 7], ['梁', 7], ['谢', 14], ['宋', 6], ['唐', 6], ['许', 6], ['韩', 5], ['冯', 5],
  ['邓', 7], ['曹', 5], ['彭', 6], ['曾', 14], ['肖', 9], ['田', 5], ['董', 4], ['袁', 4], ['潘', 4], ['蒋', 4],
  ['蔡', 4], ['余', 5], ['杜', 4], ['叶', 5], ['程', 4], ['魏', 4], ['苏', 3], ['吕', 3], ['丁', 3], ['任', 3],
  ['沈', 3], ['姚', 3], ['卢', 3], ['钟', 16], ['廖', 12], ['赖', 10], ['温', 8], ['邱', 8], ['汪', 3], ['傅', 3],
  ['邹', 4], ['熊', 4], ['范', 3], ['方', 3], ['石', 3], ['严', 2], ['龚', 2], ['缪', 1], ['欧阳', 2], ['易', 2],
  ['管', 1], ['戴', 2], ['夏', 2], ['蓝', 2], ['凌', 1], ['巫', 2], ['简', 1], ['饶', 2], ['兰', 1], ['危', 1],
]);

const MALE_GIVEN = [
  '伟', '强', '军', '勇', '平', '华', '明', '建', '国', '志', '海', '林', '文', '斌', '峰', '涛', '辉', '俊', '鹏', '磊',
  '杰', '超', '波', '刚', '龙', '春', '金', '福', '生', '荣', '根', '发', '元', '德', '水', '长', '清', '永', '兵', '东',
  '新', '宏', '亮', '忠', '光', '财', '贵', '祥', '兴', '旺', '来', '才', '小', '大', '有', '保', '茂', '胜', '武', '良',
  '家', '先', '庆', '善', '昌', '坤', '飞', '云', '礼', '仁', '义', '恒', '运', '远', '明', '锋', '斌', '浩', '宇', '晨',
];
const FEMALE_GIVEN = [
  '芳', '秀', '英', '娟', '丽', '敏', '霞', '燕', '玲', '红', '梅', '兰', '凤', '琴', '云', '莲', '珍', '翠', '桂', '春',
  '华', '美', '萍', '娥', '香', '花', '菊', '月', '小', '艳', '静', '婷', '慧', '金', '玉', '冬', '连', '招', '秋', '青',
];

/** A common Chinese name; two-character given names are the usual form. */
export function personName(rng: Rng, sex: 'male' | 'female'): string {
  const surname = SURNAMES.pick(rng);
  const chars = sex === 'male' ? MALE_GIVEN : FEMALE_GIVEN;
  const given = rng.chance(0.78) ? rng.pick(chars) + rng.pick(chars) : rng.pick(chars);
  // Avoid doubled characters such as 伟伟 except the occasional nickname-like 丽丽.
  if (given.length === 2 && given[0] === given[1] && rng.chance(0.8)) return surname + given[0] + rng.pick(chars);
  return surname + given;
}

/** Trades on a building site with their usual daily wage in 赣州 (yuan, step 10). */
export const JOB_TYPES: readonly { name: string; wage: [number, number]; weight: number }[] = [
  { name: '钢筋工', wage: [300, 420], weight: 16 },
  { name: '木工', wage: [320, 450], weight: 16 },
  { name: '泥工', wage: [280, 400], weight: 16 },
  { name: '架子工', wage: [300, 420], weight: 9 },
  { name: '水电工', wage: [280, 400], weight: 10 },
  { name: '焊工', wage: [320, 450], weight: 7 },
  { name: '杂工', wage: [180, 260], weight: 18 },
  { name: '油漆工', wage: [260, 360], weight: 8 },
];
export const JOB_TABLE = new WeightedTable(JOB_TYPES.map((j) => [j, j.weight] as const));

/** Two-character trade-name stems (字号) for invented companies. */
export const COMPANY_STEMS = [
  '宏达', '恒远', '金盛', '鑫源', '华章', '赣鸿', '恒泰', '永兴', '瑞丰', '章江', '贡江', '嘉禾', '万通', '远航', '兴业',
  '鼎盛', '中盛', '宝华', '联创', '昌盛', '福临', '腾飞', '荣达', '君诚', '和信', '天成', '锦程', '润泽', '东升', '汇通',
  '晟源', '建鑫', '广厦', '宏基', '鸿运', '金鹏', '森达', '隆盛', '华赣', '赣发', '虔城', '宋城', '郁孤', '通天', '峰山',
  '梅岭', '章华', '恒昌', '信达', '正邦', '嘉诚', '盛世', '泰和', '益丰', '聚鑫', '宏图', '华远', '长兴', '德盛', '安达',
  '立诚', '铭宇', '骏达', '丰源', '振兴', '新力', '鑫诚', '合力', '众鑫', '顺发', '瑞华', '坤泰', '远景', '博宇', '中恒',
];

export const ROADS = [
  '红旗大道', '长征大道', '文清路', '章江南大道', '赣江源大道', '东江源大道', '华坚路', '登峰大道', '金岭西路', '兴国路',
  '迎宾大道', '黄金大道', '蓉江路', '客家大道', '橙乡大道', '章贡路', '健康路', '南河路', '于都大道', '八一四大道',
];

export const MATERIALS = [
  '考勤记录', '工资欠条', '身份证复印件', '工友证人证言', '微信聊天记录截图', '银行流水', '劳动合同', '代表人推举书', '授权委托书', '工程结算单',
];

export const REJECTION_REASONS = [
  '申请人请求支付的系工程承包款，双方为承包关系，不属于劳动人事争议处理范围',
  '该争议不属于本委管辖，已告知申请人向劳动合同履行地或用人单位所在地仲裁委员会申请',
  '申请人就同一事项已向人民法院提起诉讼并已受理，依法不予受理',
  '申请人系班组长（包工头），与被申请人之间不存在劳动关系，主体不适格',
  '申请人未能提供被申请人明确的名称、住所等基本信息，经告知补正后仍未补正',
];

export const CLOSING_METHODS: readonly (readonly [string, number])[] = [
  ['调解结案，当庭出具仲裁调解书', 50],
  ['仲裁裁决结案（终局裁决）', 20],
  ['仲裁裁决结案', 8],
  ['申请人撤回仲裁申请（被申请人已支付工资）', 15],
  ['先行调解，监察执法督促支付后结案', 7],
];
