// First-generation 15-digit ID numbers (issue 10 §7): no longer valid identity documents from
// 2013-01-01 (全国人大常委会关于第一代居民身份证停止使用的决定 [memory: the decision's date as the
// issue states it]). Through the dispatcher: refused with that reason and nothing stored; accepted
// only with an explicit reason, which the case's timeline records.
import { afterAll, describe, expect, it } from 'vitest';
import { cases, workers } from '../../db/schema';
import { LEGACY_ID_MESSAGE } from '../../electron/core/ids/idNumber';
import { callApi, caseInput, makeId, openTestServices, workerDraft } from '../support/services';

const s = openTestServices(undefined, '2026-11-20T02:00:00Z');
afterAll(() => s.close());

describe('cases.create with a 15-digit ID number', () => {
  it('refuses it without a reason, stores nothing; records the override given for a worker who has nothing else', async () => {
    const legacy = workerDraft('钟老汉', '440524500101001', '6000');
    const other = workerDraft('钟小军', makeId('360702', '1985-05-05', 31), '7000');
    await expect(callApi(s, 'cases.create', caseInput([legacy, other]))).rejects.toThrow(LEGACY_ID_MESSAGE);
    expect(s.ctx.db.select().from(cases).all()).toHaveLength(0);
    expect(s.ctx.db.select().from(workers).all()).toHaveLength(0);

    const { id } = await callApi(s, 'cases.create', caseInput([{ ...legacy, legacyIdReason: '本人仅持有第一代身份证，二代证在补办中' }, other]));
    const detail = await callApi(s, 'cases.get', { id });
    expect(detail.workers.map((w) => w.idNumber)).toEqual(['440524500101001', makeId('360702', '1985-05-05', 31)]);
    expect(detail.events.find((e) => e.action === 'case.received')?.summary).toContain('钟老汉以15位旧身份证号码按例外登记（本人仅持有第一代身份证，二代证在补办中）');
  });
});
