import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { callApi, caseInput, makeId, openTestServices, repoRoot, workerDraft } from '../support/services';
import { zipEntries } from '../support/zip';
import { documentPath } from '../../electron/services/documents/generate';

const run = promisify(execFile);

describe('case numbers under concurrent acceptance', () => {
  it('two connections (two processes) accepting at once never share or skip a number: writes begin IMMEDIATE and wait', async () => {
    const s = openTestServices();
    const ids: number[] = [];
    for (let i = 0; i < 40; i++) {
      const { id } = await callApi(s, 'cases.create', caseInput([workerDraft('测试工人', makeId('360702', '1980-01-01', 200 + i), '1000')]));
      ids.push(id);
    }
    s.close();
    const evens = ids.filter((_, i) => i % 2 === 0).join(',');
    const odds = ids.filter((_, i) => i % 2 === 1).join(',');
    const script = path.join(repoRoot, 'tests', 'support', 'acceptWorker.ts');
    const env = { ...process.env, START_AT: String(Date.now() + 1500) };
    const [a, b] = await Promise.all([
      run(process.execPath, ['--import', 'tsx', script, s.dataDir, evens], { cwd: repoRoot, env }),
      run(process.execPath, ['--import', 'tsx', script, s.dataDir, odds], { cwd: repoRoot, env }),
    ]);
    const numbers = [...JSON.parse(a.stdout), ...JSON.parse(b.stdout)] as string[];
    const seqs = numbers.map((n) => Number(n.match(/第(\d+)号/)![1])).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));

    const check = openTestServices(s.dataDir);
    const stored = await callApi(check, 'cases.search', { query: '', limit: 100 });
    expect(new Set(stored.rows.map((r) => r.caseNumber)).size).toBe(40);
    check.close();
  }, 60_000);

  it('numbers restart at 1 in a new year and are never reused after a rejection', async () => {
    const s = openTestServices(undefined, '2027-01-05T02:00:00Z');
    const mk = async (seq: number, receivedOn: string) =>
      (await callApi(s, 'cases.create', caseInput([workerDraft('测试工人', makeId('360702', '1980-01-01', seq), '1000')], { receivedOn }))).id;
    const a = await mk(301, '2026-12-28');
    const b = await mk(302, '2026-12-29');
    const c = await mk(303, '2027-01-04');
    expect((await callApi(s, 'cases.accept', { id: a, acceptedOn: '2026-12-30' })).caseNumber).toBe('赣市劳人仲案字〔2026〕第1号');
    await callApi(s, 'cases.reject', { id: b, rejectedOn: '2026-12-31', reason: '超过仲裁时效且无中断事由' });
    expect((await callApi(s, 'cases.accept', { id: c, acceptedOn: '2027-01-05' })).caseNumber).toBe('赣市劳人仲案字〔2027〕第1号');
    s.close();
  });

  it('不予受理通知书 numbers: their own series from the pattern in settings, gapless per year, never shared by two processes', async () => {
    const s = openTestServices();
    const settings = await callApi(s, 'settings.get', {});
    await callApi(s, 'settings.update', { ...settings, rejectionNumberPattern: '赣市劳人仲不受字〔{year}〕{n}号' });
    const ids: number[] = [];
    for (let i = 0; i < 20; i++) {
      const { id } = await callApi(s, 'cases.create', caseInput([workerDraft('测试工人', makeId('360702', '1980-01-01', 500 + i), '1000')]));
      ids.push(id);
    }
    // an accepted case uses no rejection number, and a rejection uses no case number
    expect((await callApi(s, 'cases.accept', { id: ids[0]!, acceptedOn: '2026-11-19' })).caseNumber).toBe('赣市劳人仲案字〔2026〕第1号');
    s.close();
    const rest = ids.slice(1);
    const script = path.join(repoRoot, 'tests', 'support', 'acceptWorker.ts');
    const env = { ...process.env, START_AT: String(Date.now() + 1500) };
    const [a, b] = await Promise.all([
      run(process.execPath, ['--import', 'tsx', script, s.dataDir, rest.filter((_, i) => i % 2 === 0).join(','), 'reject'], { cwd: repoRoot, env }),
      run(process.execPath, ['--import', 'tsx', script, s.dataDir, rest.filter((_, i) => i % 2 === 1).join(','), 'reject'], { cwd: repoRoot, env }),
    ]);
    const numbers = [...JSON.parse(a.stdout), ...JSON.parse(b.stdout)] as string[];
    expect(numbers.every((n) => /^赣市劳人仲不受字〔2026〕\d+号$/.test(n))).toBe(true);
    expect(numbers.map((n) => Number(n.match(/〕(\d+)号/)![1])).sort((x, y) => x - y)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));

    // the notice prints it instead of "（尚未编号）", and regenerating keeps it
    const check = openTestServices(s.dataDir);
    const detail = await callApi(check, 'cases.get', { id: rest[0]! });
    const [notice] = await callApi(check, 'documents.generate', { caseId: rest[0]!, kind: 'rejectionNotice' });
    const xml = (await zipEntries(documentPath(check.dataDir, notice!))).get('word/document.xml')!.toString('utf8');
    expect(xml).toContain(detail.rejectionNumber!);
    expect(xml).not.toContain('尚未编号');
    expect(detail.events[0]!.summary).toBe(`不予受理（${detail.rejectionNumber}）：申请人与被申请人之间不存在劳动关系`);
    const accepted = await callApi(check, 'cases.create', caseInput([workerDraft('测试工人', makeId('360702', '1980-01-01', 600), '1000')]));
    expect((await callApi(check, 'cases.accept', { id: accepted.id, acceptedOn: '2026-11-19' })).caseNumber).toBe('赣市劳人仲案字〔2026〕第2号');
    check.close();
  }, 90_000);
});

