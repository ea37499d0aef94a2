/** Places for demo data: GB/T 2260 address codes of workers' home counties, project sites in 赣州. */
import { Rng, WeightedTable } from './random';

/**
 * Address codes seen on workers' ID cards. Ganzhou counties dominate; 360721 (赣县) and 360727
 * (龙南县) are the codes before 2016/2020 and still appear on older cards. Then other Jiangxi
 * cities and the usual migrant origins in 湖南, 广东 and 四川.
 */
export const ORIGINS = new WeightedTable<string>([
  // 赣州
  ['360702', 8], // 章贡区
  ['360703', 9], // 南康区
  ['360704', 4], // 赣县区
  ['360721', 4], // 赣县（旧码）
  ['360722', 5], // 信丰县
  ['360723', 3], // 大余县
  ['360724', 3], // 上犹县
  ['360725', 2], // 崇义县
  ['360726', 4], // 安远县
  ['360727', 2], // 龙南县（旧码）
  ['360728', 2], // 定南县
  ['360729', 2], // 全南县
  ['360730', 6], // 宁都县
  ['360731', 8], // 于都县
  ['360732', 6], // 兴国县
  ['360733', 4], // 会昌县
  ['360734', 3], // 寻乌县
  ['360735', 2], // 石城县
  ['360781', 4], // 瑞金市
  ['360783', 1], // 龙南市
  // 江西其他
  ['360802', 1], // 吉安市吉州区
  ['360821', 1], // 吉安县
  ['360827', 1], // 遂川县
  ['361002', 1], // 抚州市临川区
  // 湖南
  ['431002', 1], // 郴州市北湖区
  ['431021', 2], // 桂阳县
  ['431022', 2], // 宜章县
  ['431081', 1], // 资兴市
  ['430421', 1], // 衡阳县
  // 广东
  ['441481', 1], // 兴宁市
  ['441422', 1], // 大埔县
  ['441622', 1], // 龙川县
  // 四川
  ['511621', 1], // 岳池县
  ['511725', 1], // 渠县
  ['511321', 1], // 南部县
]);

/** Where projects are built: [district as written in a project name, address prefix, division code]. */
export const SITES: readonly { area: string; address: string; division: string; weight: number }[] = [
  { area: '章贡区', address: '江西省赣州市章贡区', division: '360702', weight: 10 },
  { area: '南康区', address: '江西省赣州市南康区', division: '360703', weight: 8 },
  { area: '赣县区', address: '江西省赣州市赣县区', division: '360704', weight: 6 },
  { area: '蓉江新区', address: '江西省赣州市蓉江新区', division: '360702', weight: 8 },
  { area: '赣州经开区', address: '江西省赣州市赣州经济技术开发区', division: '360702', weight: 7 },
  { area: '于都县', address: '江西省赣州市于都县', division: '360731', weight: 5 },
  { area: '瑞金市', address: '江西省赣州市瑞金市', division: '360781', weight: 4 },
  { area: '信丰县', address: '江西省赣州市信丰县', division: '360722', weight: 3 },
  { area: '兴国县', address: '江西省赣州市兴国县', division: '360732', weight: 3 },
  { area: '宁都县', address: '江西省赣州市宁都县', division: '360730', weight: 3 },
  { area: '龙南市', address: '江西省赣州市龙南市', division: '360783', weight: 2 },
  { area: '会昌县', address: '江西省赣州市会昌县', division: '360733', weight: 2 },
];
export const SITE_TABLE = new WeightedTable(SITES.map((s) => [s, s.weight] as const));

const PLACE_WORDS = [
  '水东', '水西', '沙河', '潭口', '凤岗', '湖江', '黄金', '赣江', '章江', '新城', '东山', '白云', '金岭', '樟树', '东门',
  '城南', '城北', '杨梅', '虎岗', '长岗', '红旗', '峰山', '西津', '梅林', '沙石', '唐江', '龙岭', '茅店', '储潭', '桃源',
];
const PHASES = ['一期', '二期', '三期', '四期', 'A区', 'B区', 'C区'];
const SECTIONS = ['一标段', '二标段', '三标段', 'EPC总承包'];
const SCHOOLS = ['第一中学', '第三中学', '第五中学', '实验学校', '第二小学', '滨江小学', '职业技术学校'];
const HOSPITALS = ['人民医院', '中医院', '妇幼保健院', '第五人民医院', '中心卫生院'];
const INDUSTRIES = ['家具产业园', '新能源汽车产业园', '电子信息产业园', '稀土新材料产业园', '现代物流园', '智能制造产业园'];

/** A plausible Ganzhou project name for a site (the generator keeps names unique). */
export function projectName(rng: Rng, area: string): string {
  const place = rng.pick(PLACE_WORDS);
  const phase = rng.pick(PHASES);
  switch (rng.weighted<string>([['安置房', 5], ['棚改', 5], ['学校', 3], ['医院', 2], ['道路', 3], ['产业园', 3], ['住宅', 4], ['市政', 2]])) {
    case '安置房':
      return `${area}${place}片区安置房${phase}工程`;
    case '棚改':
      return `${area}${place}片区棚户区改造项目（${rng.pick(SECTIONS)}）`;
    case '学校':
      return `${area}${place}${rng.pick(SCHOOLS)}新校区建设项目`;
    case '医院':
      return `${area}${rng.pick(HOSPITALS)}${rng.pick(['门诊综合楼', '住院大楼', '医技楼'])}建设工程`;
    case '道路':
      return `${area}${place}${rng.pick(['大道', '路', '快速路'])}${rng.pick(['新建', '提升改造', '拓宽改造'])}工程（${rng.pick(SECTIONS)}）`;
    case '产业园':
      return `${area}${rng.pick(INDUSTRIES)}标准厂房${phase}工程`;
    case '住宅':
      return `${area}${place}${rng.pick(['花园', '华府', '名城', '御景', '新苑'])}${phase}住宅工程`;
    default:
      return `${area}${place}${rng.pick(['污水管网', '雨污分流', '老旧小区改造', '体育公园'])}工程`;
  }
}
