/**
 * Split awards (部分终局: some items final, some not — Law Arts 47/48, two 裁决书) end to end through
 * the services: each 裁决书 is addressed to the workers whose claims it decides (and every
 * respondent), the closing checklist is satisfied by serving exactly those, and the dashboard's
 * finality figures equal the case lists they open and a recount from the award items.
 *
 * Each case is heard on the award day first (an award follows a hearing held).
 * Worked by hand (minimum wage 1,850.00 → final threshold 12 × 1,850.00 = 22,200.00 per worker per
 * item, Law Art 47(1)); three workers each owed one wage item, awarded in full:
 *   F  5,000 / 6,000 / 7,000      all final      → 裁决书 (one)        closed 终局
 *   M1 5,000 / 6,000 / 30,000     final, final, non-final → 终局裁决书 + 非终局裁决书, closed 终局
 *   M2 30,000 / 26,000 / 5,000    non-final, non-final, final → both,          closed 非终局
 *   N  30,000 / 26,000 / 25,000   all non-final  → 裁决书 (one)        closed 非终局
 * Figures: 终局（含部分终局）F M1 M2 = 3; 部分终局 M1 M2 = 2; 非终局 N = 1; 裁决结案 4; 终局裁决率 3/4 = 75%.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClosingMethod, DocumentView } from '../../electron/core/contract';
import type { Services } from '../../electron/services/createServices';
import { callApi, caseInput, makeId, openTestServices, tempDataDir, workerDraft } from '../support/services';
import { holdHearing } from '../support/hearing';

const NAMES = ['张建华', '李秀英', '王志强'];
const RESPONDENTS = ['江西赣建建设集团有限公司', '刘德胜'];
const DAY = '2026-07-10';

let dataDir: string;
let s: Services & { dataDir: string };

function at(day: string) {
  s?.close();
  s = openTestServices(dataDir, `${day}T02:00:00Z`);
}

beforeAll(async () => {
  dataDir = tempDataDir('sucai-award-finality-');
  at('2026-06-01');
  const settings = await callApi(s, 'settings.get', {});
  await callApi(s, 'settings.update', { ...settings, minimumWages: [{ effectiveOn: '2024-03-01', monthlyFen: 185_000 }] });
}, 30_000);
afterAll(() => s?.close());

/** A three-worker case accepted on 2026-06-01 and awarded in full on DAY; returns its 裁决书. */
async function awardCase(owed: string[], seed: number): Promise<DocumentView[]> {
  at('2026-06-01');
  const input = caseInput(NAMES.map((n, i) => workerDraft(n, makeId('360702', `198${i}-0${i + 1}-1${i}`, seed + i), owed[i]!)), { receivedOn: '2026-05-28' });
  const { id } = await callApi(s, 'cases.create', input);
  await callApi(s, 'cases.accept', { id, acceptedOn: '2026-06-01' });
  at(DAY);
  await holdHearing(s, id, DAY);
  const view = await callApi(s, 'award.get', { caseId: id });
  await callApi(s, 'award.save', {
    caseId: id,
    decidedOn: DAY,
    items: view.items.map((it) => ({ claimItemId: it.claimItemId, awardedFen: it.claimedFen })),
    defence: '对拖欠工资无异议。',
    factsFound: '申请人在赣州蓉江新区安置房三期工程从事木工工作，被申请人未足额支付工资。',
    reasoning: '用人单位应当按时足额支付劳动报酬。依照《中华人民共和国劳动合同法》第三十条的规定，裁决如下：',
  });
  return (await callApi(s, 'award.issue', { caseId: id, decidedOn: DAY })).documents;
}

/** Serves each 裁决书 on the recipients the dialog ticks (its addressees), nobody else, then closes. */
async function serveTickedAndClose(docs: DocumentView[], method: ClosingMethod) {
  for (const doc of docs) {
    const ticked = (await callApi(s, 'documents.serviceRecipients', { documentId: doc.id })).filter((r) => r.addressee);
    await callApi(s, 'documents.recordServices', { documentId: doc.id, entries: ticked.map((r) => ({ party: r.party, recipient: r.name, method: 'inPerson', servedOn: DAY })) });
  }
  await callApi(s, 'closing.close', { caseId: docs[0]!.caseId, method, closedOn: DAY });
}

const tickedNames = async (doc: DocumentView) =>
  (await callApi(s, 'documents.serviceRecipients', { documentId: doc.id })).filter((r) => r.addressee).map((r) => r.name);

describe('split awards: service on the workers each 裁决书 decides on, and the dashboard finality figures', () => {
  const ids: Record<string, number> = {};

  it('each 裁决书 of a split award ticks only the workers it decides on (and every respondent); a whole award ticks every worker', async () => {
    const f = await awardCase(['5000', '6000', '7000'], 10);
    expect(f.map((d) => d.title)).toEqual(['裁决书']);
    expect(await tickedNames(f[0]!)).toEqual([...NAMES, ...RESPONDENTS]);

    const m1 = await awardCase(['5000', '6000', '30000'], 20);
    expect(m1.map((d) => [d.title, d.variant])).toEqual([['终局裁决书', 'final'], ['非终局裁决书', 'nonFinal']]);
    expect(await tickedNames(m1[0]!)).toEqual([NAMES[0], NAMES[1], ...RESPONDENTS]);
    expect(await tickedNames(m1[1]!)).toEqual([NAMES[2], ...RESPONDENTS]);
    // the others are still offered (unticked, after the addressees), e.g. to record a courtesy copy
    const all = await callApi(s, 'documents.serviceRecipients', { documentId: m1[1]!.id });
    expect(all.map((r) => [r.name, r.addressee])).toEqual([[NAMES[2], true], ...RESPONDENTS.map((n) => [n, true]), [NAMES[0], false], [NAMES[1], false]]);

    const m2 = await awardCase(['30000', '26000', '5000'], 30);
    expect(await tickedNames(m2[0]!)).toEqual([NAMES[2], ...RESPONDENTS]);
    expect(await tickedNames(m2[1]!)).toEqual([NAMES[0], NAMES[1], ...RESPONDENTS]);
    const n = await awardCase(['30000', '26000', '25000'], 40);

    // serving exactly the ticked recipients satisfies the closing checklist (it asks for the same parties)
    await serveTickedAndClose(f, 'finalAward');
    await serveTickedAndClose(m1, 'finalAward');
    await serveTickedAndClose(m2, 'nonFinalAward');
    await serveTickedAndClose(n, 'nonFinalAward');
    Object.assign(ids, { F: f[0]!.caseId, M1: m1[0]!.caseId, M2: m2[0]!.caseId, N: n[0]!.caseId });
    const finality = s.ctx.db.all<{ id: number; f: string }>(sql`select id, award_finality as f from cases where closed_on is not null order by id`);
    expect(finality).toEqual([
      { id: ids.F, f: 'final' },
      { id: ids.M1, f: 'mixed' },
      { id: ids.M2, f: 'mixed' },
      { id: ids.N, f: 'nonFinal' },
    ]);
  }, 300_000);

  it('the dashboard counts a split award in 终局 and in 部分终局; each figure equals the list it opens and a recount from the award items', async () => {
    const view = await callApi(s, 'dashboard.get', { from: '2026-01-01', to: DAY });
    const metric = (key: string) => view.metrics.find((m) => m.key === key)!;
    const listed = async (key: string) => {
      const page = await callApi(s, 'cases.search', { ...metric(key).filter, limit: 500 });
      expect(page.total, key).toBe(page.rows.length);
      return page.rows.map((r) => r.id).sort((a, b) => a - b);
    };
    // by hand (see the head of this file)
    expect([metric('finalAwards').value, metric('mixedAwards').value, metric('nonFinalAwards').value, metric('awards').value]).toEqual([3, 2, 1, 4]);
    expect(metric('finalAwardRate').value).toBe(75);
    expect(metric('finalAwards').label).toBe('终局裁决（含部分终局）');
    // figure = list
    expect(await listed('finalAwards')).toEqual([ids.F!, ids.M1!, ids.M2!]);
    expect(await listed('finalAwardRate')).toEqual([ids.F!, ids.M1!, ids.M2!]);
    expect(await listed('mixedAwards')).toEqual([ids.M1!, ids.M2!]);
    expect(await listed('nonFinalAwards')).toEqual([ids.N!]);
    expect(await listed('awards')).toEqual([ids.F!, ids.M1!, ids.M2!, ids.N!]);
    // = a recount from the award items, whatever method the clerk picked
    const recount = s.ctx.db.get<{ finals: number; mixed: number; nonFinals: number }>(sql`
      select sum(f > 0) as finals, sum(f > 0 and nf > 0) as mixed, sum(f = 0 and nf > 0) as nonFinals from (
        select c.id, sum(i.is_final = 1) as f, sum(i.is_final = 0) as nf from cases c join award_items i on i.case_id = c.id
        where c.closed_on between '2026-01-01' and ${DAY} and c.closing_method in ('finalAward', 'nonFinalAward') group by c.id)`)!;
    expect(recount).toEqual({ finals: 3, mixed: 2, nonFinals: 1 });
    // the chart by closing method still counts the method picked: 2 终局, 2 非终局
    expect(view.byClosingMethod.filter((m) => m.count).map((m) => [m.method, m.count])).toEqual([['finalAward', 2], ['nonFinalAward', 2]]);
  });
});
