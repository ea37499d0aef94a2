import { describe, expect, it } from 'vitest';
import { assignmentProblems, defaultAssignment, hirerOf, type ChainRespondent, type Instrument, type LiabilityKind } from '../../electron/core/liability';
import type { PartyRole } from '../../electron/core/domain';

// Respondents by letter: O owner (建设单位), G general contractor (施工总承包), S subcontractor (专业分包),
// L / L2 labour subcontractors (劳务分包, companies), T team leader (班组长, an individual).
// ids are the case_respondents ids; organisation ids are id + 100; `by` is who gave the work.
const ROLE: Record<string, PartyRole> = { O: 'owner', G: 'generalContractor', S: 'subcontractor', L: 'labourSubcontractor', L2: 'labourSubcontractor', T: 'teamLeader' };
function chain(spec: string[], links: Record<string, string | null> = {}): ChainRespondent[] {
  return spec.map((code, i) => ({
    id: i + 1,
    name: code,
    kind: code === 'T' ? 'person' : 'company',
    role: ROLE[code]!,
    organisationId: i + 101,
    contractedById: links[code] ? spec.indexOf(links[code]!) + 101 : null,
  }));
}
const byName = (rs: ChainRespondent[], a: Record<number, LiabilityKind>) => Object.fromEntries(rs.map((r) => [r.name, a[r.id]]));

// Each row worked by hand from the articles cited in electron/core/liability.ts.
const table: [string, string[], Record<string, string | null>, Instrument, Record<string, LiabilityKind>][] = [
  // 劳务分包 hired the workers: it is the employer; in a settlement the general contractor pays first (条例第三十条).
  ['owner→GC→labour sub, mediation', ['O', 'G', 'L'], { G: 'O', L: 'G' }, 'mediation', { O: 'none', G: 'payFirst', L: 'employer' }],
  // an award orders the employer; the GC and the owner are not employers: claims against them dismissed.
  ['owner→GC→labour sub, award', ['O', 'G', 'L'], { G: 'O', L: 'G' }, 'award', { O: 'none', G: 'none', L: 'employer' }],
  // work given to an individual: the GC that gave it pays (第三十六条), the team leader is jointly liable (劳动合同法第九十四条).
  ['owner→GC→team leader, mediation', ['O', 'G', 'T'], { G: 'O', T: 'G' }, 'mediation', { O: 'none', G: 'contractingUnit', T: 'joint' }],
  ['owner→GC→team leader, award', ['O', 'G', 'T'], { G: 'O', T: 'G' }, 'award', { O: 'none', G: 'contractingUnit', T: 'joint' }],
  // listed bottom-up: the order of the list does not matter.
  ['team leader, GC, owner listed bottom-up', ['T', 'G', 'O'], { G: 'O', T: 'G' }, 'award', { O: 'none', G: 'contractingUnit', T: 'joint' }],
  ['GC→team leader (no owner named)', ['G', 'T'], { T: 'G' }, 'award', { G: 'contractingUnit', T: 'joint' }],
  // the owner gave work straight to an individual: the owner pays (第三十六条 names 建设单位 too).
  ['owner→team leader', ['O', 'T'], { T: 'O' }, 'mediation', { O: 'contractingUnit', T: 'joint' }],
  // the GC hired the workers itself: employer; nobody pays first for the GC.
  ['owner→GC', ['O', 'G'], { G: 'O' }, 'mediation', { O: 'none', G: 'employer' }],
  // four tiers: the labour sub gave the work to the individual, so the labour sub pays and the GC pays first in a settlement.
  ['owner→GC→labour sub→team leader, mediation', ['O', 'G', 'L', 'T'], { G: 'O', L: 'G', T: 'L' }, 'mediation', { O: 'none', G: 'payFirst', L: 'contractingUnit', T: 'joint' }],
  ['owner→GC→labour sub→team leader, award', ['O', 'G', 'L', 'T'], { G: 'O', L: 'G', T: 'L' }, 'award', { O: 'none', G: 'none', L: 'contractingUnit', T: 'joint' }],
  // 专业分包 between: Art 30 applies along multi-tier chains (SPC 2024 meeting) — the GC, not the middle tier, pays first.
  ['GC→subcontractor→labour sub, mediation', ['G', 'S', 'L'], { S: 'G', L: 'S' }, 'mediation', { G: 'payFirst', S: 'none', L: 'employer' }],
  // no links recorded: the roles decide (deepest is the hirer, nearest shallower role gave it the work).
  ['no links: owner, GC, labour sub', ['O', 'G', 'L'], {}, 'mediation', { O: 'none', G: 'payFirst', L: 'employer' }],
  ['no links: GC and team leader', ['G', 'T'], {}, 'award', { G: 'contractingUnit', T: 'joint' }],
  // two labour subs under one GC: the first listed is taken as the hirer; the clerk re-assigns the other group.
  ['GC with two labour subs', ['O', 'G', 'L', 'L2'], { G: 'O', L: 'G', L2: 'G' }, 'mediation', { O: 'none', G: 'payFirst', L: 'employer', L2: 'none' }],
  ['a single company', ['G'], {}, 'award', { G: 'employer' }],
  // a lone individual: nobody above to bear the contracting unit's liability.
  ['a single team leader', ['T'], {}, 'award', { T: 'employer' }],
];

describe('defaultAssignment: liability along the contracting chain', () => {
  it.each(table)('%s', (_label, spec, links, instrument, expected) => {
    const rs = chain(spec, links);
    const a = defaultAssignment(rs, instrument);
    expect(byName(rs, a)).toEqual(expected);
    // every default stands on its own
    expect(assignmentProblems(a, rs, instrument)).toEqual([]);
  });
  it('finds the hirer at the bottom of the chain', () => {
    expect(hirerOf(chain(['O', 'G', 'L'], { G: 'O', L: 'G' }))?.name).toBe('L');
    expect(hirerOf([])).toBeNull();
  });
});

describe('assignmentProblems', () => {
  const rs = chain(['O', 'G', 'L'], { G: 'O', L: 'G' });
  const [O, G, L] = rs.map((r) => r.id) as [number, number, number];
  it('needs exactly one principal', () => {
    expect(assignmentProblems({ [O]: 'none', [G]: 'joint', [L]: 'none' }, rs, 'award')[0]).toMatch(/须有一名被申请人作为用人单位或发包单位/);
    expect(assignmentProblems({ [O]: 'none', [G]: 'employer', [L]: 'employer' }, rs, 'award')[0]).toMatch(/只能有一名.*G、L/);
    expect(assignmentProblems({ [O]: 'none', [G]: 'none', [L]: 'none' }, rs, 'award')[0]).toMatch(/把裁决金额填为0/);
  });
  it('allows no principal where nothing is paid (a dismissed item)', () => {
    expect(assignmentProblems({ [O]: 'none', [G]: 'none', [L]: 'none' }, rs, 'award', false)).toEqual([]);
  });
  it('keeps 先行清偿 and 垫付 to mediation agreements', () => {
    expect(assignmentProblems({ [O]: 'advance', [G]: 'payFirst', [L]: 'employer' }, rs, 'mediation')).toEqual([]);
    const p = assignmentProblems({ [O]: 'advance', [G]: 'payFirst', [L]: 'employer' }, rs, 'award');
    expect(p).toHaveLength(2);
    expect(p[0]).toMatch(/裁决中被申请人O不能为「建设单位垫付」/);
  });
  it('names a respondent left out, and one that is not in the case', () => {
    expect(assignmentProblems({ [O]: 'none', [L]: 'employer' }, rs, 'award')).toEqual(['请选择被申请人G的责任']);
    expect(assignmentProblems({ [O]: 'none', [G]: 'none', [L]: 'employer', 99: 'joint' }, rs, 'award')).toEqual(['被申请人（编号99）不属于本案']);
  });
});
