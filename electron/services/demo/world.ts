/**
 * The people and firms behind the demo cases: projects with their contracting chain
 * (owner → general contractor → subcontractor / labour subcontractor → team leader), and the
 * workers of each case with consistent amounts. Deterministic for a given seed and case count.
 */
import type { MethodInput } from '../../core/contract';
import type { Channel, ClaimType, PartyRole } from '../../core/domain';
import { bankCard, birthDate, creditCode, idNumber, landline, mobile, permitNumber } from './identifiers';
import { COMPANY_STEMS, JOB_TABLE, JOB_TYPES, ROADS, personName } from './names';
import { ORIGINS, SITE_TABLE, projectName } from './places';
import { Rng, WeightedTable } from './random';

type CaseInput = MethodInput<'cases.create'>;
type OrganisationInput = NonNullable<CaseInput['respondents'][number]['organisation']>;
type WorkerDraft = CaseInput['workers'][number];

type Party = { role: PartyRole; organisation: OrganisationInput; parent: Party | null };

type Identity = { name: string; idNumber: string; phone: string; bankCard: string };

type Leader = { party: Party; trade: string };

type Project = {
  name: string;
  address: string;
  permitNumber: string;
  /** Owner named as a respondent in this project's cases (Art 29: owner did not pay project funds). */
  ownerLiable: boolean;
  leaders: Leader[];
  workers: Identity[];
};

const TOWNS: Record<string, string[]> = {
  南康区: ['唐江镇', '龙回镇', '凤岗镇', '镜坝镇'],
  于都县: ['银坑镇', '梓山镇', '段屋乡', '岭背镇'],
  兴国县: ['高兴镇', '江背镇', '长冈乡', '社富乡'],
  宁都县: ['梅江镇', '黄陂镇', '固厚乡', '青塘镇'],
  赣县区: ['江口镇', '湖江镇', '王母渡镇', '韩坊镇'],
  信丰县: ['大塘埠镇', '嘉定镇', '古陂镇', '铁石口镇'],
};
const VILLAGES = ['上坪村', '下湾村', '新屋组', '岭背村', '石门村', '塘背村', '坳上村', '围下组', '水口村', '圩镇街'];

const CHANNELS = new WeightedTable<Channel>([
  ['walkIn', 38],
  ['hotline12345', 20],
  ['stateCouncilPlatform', 22],
  ['inspectionReferral', 12],
  ['warning', 8],
]);

export const COLLECTIVE_SHARE = 0.4;

/** Zipf-like weights: a few popular entries, a long tail. */
function zipf<T>(items: T[], s = 0.9): WeightedTable<T> {
  return new WeightedTable(items.map((it, k) => [it, 1 / Math.pow(k + 1, s)] as const));
}

function yuan(fen: number): string {
  const cents = fen % 100;
  return cents === 0 ? String(fen / 100) : `${Math.floor(fen / 100)}.${String(cents).padStart(2, '0')}`;
}

export class DemoWorld {
  private readonly rng: Rng;
  private readonly usedIds = new Set<string>();
  private readonly usedCompanyNames = new Set<string>();
  private readonly usedProjectNames = new Set<string>();
  private readonly allWorkers: Identity[] = [];
  private readonly projects: WeightedTable<Project>;
  private readonly projectYear: number;

  constructor(seed: number, caseCount: number, today: string) {
    this.rng = Rng.derive(seed, 'world');
    this.projectYear = Number(today.slice(0, 4)) - 1;
    const projectCount = Math.max(6, Math.ceil(caseCount / 7));
    const owners = zipf(this.times(Math.max(3, Math.ceil(projectCount / 3)), () => this.company('owner')));
    const contractors = zipf(this.times(Math.max(4, Math.ceil(projectCount / 3)), () => this.company('generalContractor')));
    const subs = zipf(this.times(Math.max(3, Math.ceil(projectCount / 5)), () => this.company('subcontractor')));
    const labour = zipf(this.times(Math.max(5, Math.ceil(projectCount / 2)), () => this.company('labourSubcontractor')));
    const list = this.times(projectCount, () => this.project(owners, contractors, subs, labour));
    this.projects = zipf(list, 0.7);
  }

  private times<T>(n: number, make: () => T): T[] {
    return Array.from({ length: n }, make);
  }

  private uniqueName(set: Set<string>, make: () => string): string {
    for (let attempt = 0; ; attempt++) {
      const name = attempt < 50 ? make() : `${make()}（${attempt - 49}）`;
      if (!set.has(name)) {
        set.add(name);
        return name;
      }
    }
  }

  /** A two-character 字号: from the list, or recombined from two entries (宏 + 远 → 宏远). */
  private stem(): string {
    const rng = this.rng;
    if (rng.chance(0.5)) return rng.pick(COMPANY_STEMS);
    return rng.pick(COMPANY_STEMS)[0]! + rng.pick(COMPANY_STEMS)[1]!;
  }

  private companyAddress(prefix = '江西省赣州市章贡区'): string {
    return `${prefix}${this.rng.pick(ROADS)}${this.rng.int(1, 288)}号`;
  }

  private company(role: Exclude<PartyRole, 'teamLeader'>): OrganisationInput {
    const rng = this.rng;
    const site = SITE_TABLE.pick(rng);
    const county = /(县|市)$/.test(site.area) || site.area === '南康区' ? site.area.slice(0, -1) : '赣州';
    let division = site.division;
    let address = this.companyAddress(site.address);
    const name = this.uniqueName(this.usedCompanyNames, () => {
      const stem = this.stem();
      switch (role) {
        case 'owner':
          return rng.pick([`赣州${stem}置业有限公司`, `赣州${stem}城市发展有限公司`, `${county}${stem}投资开发有限公司`, `赣州市${stem}房地产开发有限公司`]);
        case 'generalContractor':
          if (rng.chance(0.35)) {
            division = rng.pick(['360100', '360102', '360111']); // 南昌
            address = `江西省南昌市${rng.pick(['东湖区', '青山湖区', '红谷滩区'])}${rng.pick(['洪都北大道', '北京东路', '丰和中大道', '紫阳大道'])}${rng.int(1, 999)}号`;
            return rng.pick([`江西${stem}建工集团有限公司`, `江西省${stem}建设集团有限公司`]);
          }
          return rng.pick([`赣州${stem}建设工程有限公司`, `赣州市${stem}建筑工程有限公司`, `${county}${stem}建设有限公司`]);
        case 'subcontractor':
          return `赣州${stem}${rng.pick(['钢结构工程', '幕墙装饰工程', '机电安装工程', '市政园林工程'])}有限公司`;
        case 'labourSubcontractor':
          return rng.pick([`赣州${stem}劳务有限公司`, `江西${stem}建筑劳务有限公司`, `${county}${stem}劳务服务有限公司`]);
      }
    });
    return {
      kind: 'company',
      name,
      creditCode: creditCode(rng, division),
      legalRepresentative: personName(rng, rng.chance(0.9) ? 'male' : 'female'),
      address,
      phone: rng.chance(0.7) ? landline(rng, division.startsWith('3601') ? '0791' : '0797') : mobile(rng),
    };
  }

  private homeAddress(): string {
    const county = this.rng.pick(Object.keys(TOWNS));
    return `江西省赣州市${county}${this.rng.pick(TOWNS[county]!)}${this.rng.pick(VILLAGES)}${this.rng.int(1, 99)}号`;
  }

  private newIdentity(sex: 'male' | 'female'): Identity {
    const rng = this.rng;
    let id: string;
    do id = idNumber(rng, ORIGINS.pick(rng), birthDate(rng), sex);
    while (this.usedIds.has(id));
    this.usedIds.add(id);
    return {
      name: personName(rng, sex),
      idNumber: id,
      phone: rng.chance(0.85) ? mobile(rng) : '',
      bankCard: rng.chance(0.6) ? bankCard(rng) : '',
    };
  }

  private project(
    owners: WeightedTable<OrganisationInput>,
    contractors: WeightedTable<OrganisationInput>,
    subs: WeightedTable<OrganisationInput>,
    labour: WeightedTable<OrganisationInput>,
  ): Project {
    const rng = this.rng;
    const site = SITE_TABLE.pick(rng);
    const owner: Party = { role: 'owner', organisation: owners.pick(rng), parent: null };
    const gc: Party = { role: 'generalContractor', organisation: contractors.pick(rng), parent: owner };
    const sub: Party | null = rng.chance(0.35) ? { role: 'subcontractor', organisation: subs.pick(rng), parent: gc } : null;
    const labourParties: Party[] = [];
    for (let i = rng.int(1, 2); i > 0; i--) {
      const organisation = labour.pick(rng);
      if (!labourParties.some((p) => p.organisation.name === organisation.name))
        labourParties.push({ role: 'labourSubcontractor', organisation, parent: sub && rng.chance(0.4) ? sub : gc });
    }
    const leaders: Leader[] = [];
    for (let i = rng.int(2, 6); i > 0; i--) {
      const person = this.newIdentity('male');
      const parent = rng.weighted<Party>([[rng.pick(labourParties), 70], [sub ?? gc, 15], [gc, 15]]);
      leaders.push({
        trade: JOB_TABLE.pick(rng).name,
        party: {
          role: 'teamLeader',
          parent,
          organisation: {
            kind: 'person',
            name: person.name,
            idNumber: person.idNumber,
            phone: person.phone || mobile(rng),
            address: this.homeAddress(),
          },
        },
      });
    }
    return {
      name: this.uniqueName(this.usedProjectNames, () => projectName(rng, site.area)),
      address: `${site.address}${rng.pick(ROADS)}${rng.pick(['以东', '以西', '与', '北侧', '南侧'])}${rng.pick(['地块', '片区'])}`,
      permitNumber: permitNumber(rng, site.division, this.projectYear - rng.int(0, 2)),
      ownerLiable: rng.chance(0.2),
      leaders,
      workers: [],
    };
  }

  /** The input of case number `index` (0-based) as an intake clerk would submit it. */
  caseInput(index: number, receivedOn: string, options: { collective?: boolean; workerCount?: number } = {}): CaseInput {
    const rng = this.rng;
    const project = this.projects.pick(rng);
    const leader = rng.pick(project.leaders);

    // The chain from the top respondent down to the team leader, without skipping a link.
    const chain: Party[] = [];
    for (let p: Party | null = rng.chance(0.9) ? leader.party : leader.party.parent; p; p = p.parent) chain.unshift(p);
    if (!project.ownerLiable && chain[0]?.role === 'owner') chain.shift();
    const respondents = chain.map((p, i) => ({ role: p.role, organisation: p.organisation, contractedByIndex: i === 0 ? null : i - 1 }));

    const collective = options.collective ?? rng.chance(COLLECTIVE_SHARE);
    const count = options.workerCount ?? (collective ? Math.min(300, 10 + Math.floor(Math.pow(rng.float(), 5) * 291)) : 1 + Math.floor(Math.pow(rng.float(), 1.8) * 9));

    const style = rng.weighted<'full' | 'noOwed' | 'owedOnly'>([['full', 70], ['noOwed', 15], ['owedOnly', 15]]);
    const seen = new Set<string>();
    const workers: WorkerDraft[] = [];
    const team = `${leader.party.organisation.name}班组`;
    while (workers.length < count) {
      let who: Identity | undefined;
      if (rng.chance(0.03) && project.workers.length) who = rng.pick(project.workers);
      else if (rng.chance(0.01) && this.allWorkers.length) who = rng.pick(this.allWorkers);
      if (who && seen.has(who.idNumber)) who = undefined;
      if (!who) {
        who = this.newIdentity(rng.chance(0.88) ? 'male' : 'female');
        project.workers.push(who);
        this.allWorkers.push(who);
      }
      seen.add(who.idNumber);

      const trade = rng.chance(0.75) ? JOB_TYPES.find((j) => j.name === leader.trade)! : JOB_TABLE.pick(rng);
      const wageFen = rng.int(trade.wage[0] / 10, trade.wage[1] / 10) * 1000;
      const halfDays = rng.skewed(20, 480, 1.6) + (rng.chance(0.1) ? 1 : 0); // 10–240 days, sometimes .5
      const dueFen = (wageFen * halfDays) / 2;
      const paidFen = rng.chance(0.35) ? 0 : Math.floor((dueFen * (0.1 + rng.float() * 0.6)) / 10_000) * 10_000;
      const owedFen = dueFen - paidFen;
      const days = halfDays % 2 === 0 ? String(halfDays / 2) : `${(halfDays - 1) / 2}.5`;
      workers.push({
        name: who.name,
        idNumber: who.idNumber,
        phone: who.phone,
        jobType: trade.name,
        team,
        daysWorked: style === 'owedOnly' ? '' : days,
        dailyWage: style === 'owedOnly' ? '' : yuan(wageFen),
        due: style === 'owedOnly' ? '' : yuan(dueFen),
        paid: style === 'owedOnly' ? '' : yuan(paidFen),
        owed: style === 'noOwed' ? '' : yuan(owedFen),
        bankCard: who.bankCard,
        note: rng.chance(0.02) ? rng.pick(['已离场', '有工友证明', '欠条原件在班组长处']) : '',
      });
    }

    const representativeIndexes = count >= 10 ? rng.sample([...Array(count).keys()], rng.int(2, 3)).sort((a, b) => a - b) : [];
    const extraClaims: CaseInput['extraClaims'] = [];
    let cause = '追索劳动报酬';
    if (count < 10 && rng.chance(0.08)) {
      const type = rng.pick<ClaimType>(['overtime', 'compensation']);
      extraClaims.push({ workerIndex: 0, type, amount: String(rng.int(5, 60) * 100) });
      cause = type === 'overtime' ? '追索劳动报酬、加班费' : '追索劳动报酬、经济补偿';
    }

    return {
      channel: CHANNELS.pick(rng),
      receivedOn,
      procedure: count >= 10 ? (rng.chance(0.4) ? 'ordinary' : 'simplified') : rng.chance(0.88) ? 'simplified' : 'ordinary',
      cause,
      project: { name: project.name, address: project.address, permitNumber: project.permitNumber },
      respondents,
      workers,
      extraClaims,
      representativeIndexes,
    };
  }
}
