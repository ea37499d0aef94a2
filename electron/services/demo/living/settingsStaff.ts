/**
 * The commission as a new user would set it up: name, address, phone, number patterns, the local
 * minimum wage by effective date (demo figures — check them against the province's notice before
 * relying on an award's finality), staff and rooms. All through settings.update / staff.save /
 * rooms.save.
 */
import type { Settings } from '../../../core/contract';
import type { LivingRun } from './runner';
import { nameInitials } from '../../../core/pinyin';
import { personName } from '../names';
import { Rng } from '../random';

/** Demo figures for 赣州 (江西一类地区) — to be checked against the provincial notice. */
export const DEMO_MINIMUM_WAGES = [
  { effectiveOn: '2018-01-01', monthlyFen: 168_000 },
  { effectiveOn: '2021-07-01', monthlyFen: 185_000 },
  { effectiveOn: '2024-03-01', monthlyFen: 200_000 },
];

export const COMMISSION = {
  commissionName: '赣州市劳动人事争议仲裁委员会',
  commissionAddress: '江西省赣州市章贡区长征大道21号 赣州市人力资源和社会保障局三楼',
  commissionPhone: '0797-8122345',
};

/** Patterns the settings know (the rejection and labour-authority series exist once their feature lands). */
const PATTERNS: Record<string, string> = {
  caseNumberPattern: '赣市劳人仲案字〔{year}〕第{n}号',
  rejectionNumberPattern: '赣市劳人仲不字〔{year}〕第{n}号',
  correctionOrderNumberPattern: '赣市人社监令〔{year}〕{n}号',
  policeTransferNumberPattern: '赣市人社监移〔{year}〕{n}号',
};

export type StaffRole = 'arbitrator' | 'clerk' | 'inspector' | 'mediator';
export const DEMO_STAFF: { role: StaffRole; name: string }[] = [
  { role: 'arbitrator', name: '王建华' },
  { role: 'arbitrator', name: '李秀梅' },
  { role: 'arbitrator', name: '陈志刚' },
  { role: 'arbitrator', name: '刘文静' },
  { role: 'arbitrator', name: '黄国平' },
  { role: 'arbitrator', name: '曾庆林' },
  { role: 'arbitrator', name: '谢婉清' },
  { role: 'clerk', name: '周婷' },
  { role: 'clerk', name: '钟晓燕' },
  { role: 'clerk', name: '赖俊杰' },
  { role: 'inspector', name: '郭卫东' },
  { role: 'inspector', name: '温丽华' },
  { role: 'inspector', name: '邱明辉' },
  { role: 'mediator', name: '肖桂芳' },
  { role: 'mediator', name: '廖志明' },
  { role: 'mediator', name: '蓝玉梅' },
];

export const DEMO_ROOMS = [
  { name: '第一仲裁庭', location: '三楼东侧（大庭，集体争议）' },
  { name: '第二仲裁庭', location: '三楼西侧' },
  { name: '第三仲裁庭', location: '二楼' },
  { name: '速裁调解室', location: '一楼服务大厅旁' },
];

/**
 * A bench beyond the standing tribunal, added for a large caseload (fastHearing.ts sizes them): its
 * own room, arbitrator (simplified) or three arbitrators (ordinary, the first presiding) and clerk,
 * so its hearings never meet another bench's people or rooms.
 */
export type Bench = { procedure: 'simplified' | 'ordinary'; roomId: number; arbitratorIds: number[]; clerkId: number };

/** How many extra benches of each kind the caseload needs (none for an ordinary demo). */
export type ExtraBenches = { simplified: number; ordinary: number };

export type Tribunal = {
  arbitrators: { id: number; name: string }[];
  clerks: { id: number; name: string }[];
  inspectors: string[];
  mediators: string[];
  rooms: { id: number; name: string }[];
  /** Extra benches (their people are in arbitrators/clerks and their rooms in rooms, after the standing ones). */
  benches: Bench[];
  /** Printed in the summary; set once staff are accounts. */
  demoPassword: string | null;
};

export async function setUpCommission(run: LivingRun): Promise<void> {
  const current = (await run.call('settings.get', {})) as Settings & Record<string, unknown>;
  const patterns = Object.fromEntries(Object.entries(PATTERNS).filter(([k]) => k in current));
  // marked as demo data: settings and the award's final-award threshold say so until an admin confirms each one
  await run.call('settings.update', { ...current, ...COMMISSION, ...patterns, minimumWages: DEMO_MINIMUM_WAGES.map((w) => ({ ...w, isDemo: true })) } as Settings);
}

/** The initial password of every demo account (each person is asked to set their own at first sign-in). */
export const DEMO_PASSWORD = 'sucai-demo-2026';

/**
 * Staff are accounts: an administrator (登录名 admin) and every arbitrator, clerk, inspector and
 * mediator, signing in with the pinyin initials of their name (王建华 → wjh) and the printed demo
 * password. Arbitrators and clerks sit on hearings; inspectors and mediators are named in their
 * records. Rooms are settings.
 */
export async function createStaff(run: LivingRun, extra: ExtraBenches = { simplified: 0, ordinary: 0 }): Promise<Tribunal> {
  const existing = await run.call('accounts.list', {});
  const taken = new Set(existing.map((a) => a.username));
  const usernameFor = (name: string, given?: string) => {
    const base = given ?? (nameInitials(name) || 'user');
    let username = base;
    for (let n = 2; taken.has(username); n++) username = `${base}${n}`;
    taken.add(username);
    return username;
  };
  if (!existing.some((a) => a.roles.includes('admin'))) {
    await run.call('accounts.create', { username: usernameFor('系统管理员', 'admin'), name: '系统管理员', roles: ['admin'], password: DEMO_PASSWORD });
  }
  const { staff, rooms, benches } = extraBenches(run.seed, extra, new Set([...existing.map((a) => a.name), ...DEMO_STAFF.map((s) => s.name)]));
  for (const s of [...DEMO_STAFF, ...staff]) {
    if (existing.some((a) => a.name === s.name)) continue;
    await run.call('accounts.create', { username: usernameFor(s.name), name: s.name, roles: [s.role], password: DEMO_PASSWORD });
  }
  let listed = await run.call('staff.list', {});
  for (const r of [...DEMO_ROOMS, ...rooms]) {
    if (listed.rooms.some((x) => x.name === r.name)) continue;
    listed = await run.call('rooms.save', r);
  }
  const account = (role: 'arbitrator' | 'clerk', name: string) => listed.staff.find((x) => x.roles.includes(role) && x.name === name)!;
  const pick = (role: 'arbitrator' | 'clerk') => [...DEMO_STAFF, ...staff].filter((s) => s.role === role).map((s) => account(role, s.name));
  const room = (name: string) => listed.rooms.find((x) => x.name === name)!;
  return {
    arbitrators: pick('arbitrator'),
    clerks: pick('clerk'),
    inspectors: DEMO_STAFF.filter((s) => s.role === 'inspector').map((s) => s.name),
    mediators: DEMO_STAFF.filter((s) => s.role === 'mediator').map((s) => s.name),
    rooms: [...DEMO_ROOMS, ...rooms].map((r) => room(r.name)),
    benches: benches.map((b) => ({ procedure: b.procedure, roomId: room(b.room).id, arbitratorIds: b.arbitrators.map((n) => account('arbitrator', n).id), clerkId: account('clerk', b.clerk).id })),
    demoPassword: DEMO_PASSWORD,
  };
}

const CHINESE_NUMBERS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 5 → 五, 12 → 十二, 40 → 四十, 123 → 一百二十三 (room names). */
function chineseNumber(n: number): string {
  if (n >= 100) return `${CHINESE_NUMBERS[Math.floor(n / 100)]}百${n % 100 === 0 ? '' : n % 100 < 10 ? `零${CHINESE_NUMBERS[n % 100]}` : n % 100 < 20 ? `一${chineseNumber(n % 100)}` : chineseNumber(n % 100)}`;
  if (n >= 10) return `${n >= 20 ? CHINESE_NUMBERS[Math.floor(n / 10)] : ''}十${CHINESE_NUMBERS[n % 10]}`;
  return CHINESE_NUMBERS[n]!;
}

/** The people and rooms of the extra benches: invented names (none twice), rooms numbered on from the standing ones. */
function extraBenches(seed: number, extra: ExtraBenches, taken: Set<string>) {
  const rng = Rng.derive(seed, 'staff');
  const person = () => {
    let name = personName(rng, rng.chance(0.5) ? 'male' : 'female');
    while (taken.has(name)) name = personName(rng, rng.chance(0.5) ? 'male' : 'female');
    taken.add(name);
    return name;
  };
  const staff: { role: StaffRole; name: string }[] = [];
  const rooms: { name: string; location: string }[] = [];
  const benches: { procedure: 'simplified' | 'ordinary'; room: string; arbitrators: string[]; clerk: string }[] = [];
  const kinds = [...Array<'ordinary'>(extra.ordinary).fill('ordinary'), ...Array<'simplified'>(extra.simplified).fill('simplified')];
  kinds.forEach((procedure, i) => {
    const arbitrators = Array.from({ length: procedure === 'ordinary' ? 3 : 1 }, person);
    const clerk = person();
    const room = `第${chineseNumber(DEMO_ROOMS.length + i)}仲裁庭`;
    staff.push(...arbitrators.map((name) => ({ role: 'arbitrator' as const, name })), { role: 'clerk', name: clerk });
    rooms.push({ name: room, location: `${procedure === 'ordinary' ? '审判楼' : '速裁中心'}${Math.floor(i / 8) + 2}楼` });
    benches.push({ procedure, room, arbitrators, clerk });
  });
  return { staff, rooms, benches };
}
