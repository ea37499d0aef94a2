import { afterAll, describe, expect, it } from 'vitest';
import { callApi, caseInput, makeId, openTestServices, workerDraft } from '../support/services';

const s = openTestServices();
afterAll(() => s.close());

const names = ['赣州蓉江新区安置房三期工程', '南康家具产业园标准厂房', '章贡区蓉江路安置房一期', '蓉江新城学校'];

describe('projects.search: anywhere in the name', () => {
  it('finds a project by a part of its name, prefix matches first, only names that hold the words', async () => {
    for (const [i, name] of names.entries()) {
      await callApi(s, 'cases.create', caseInput([workerDraft(`工人${'甲乙丙丁'[i]}`, makeId('360702', '1988-01-01', 11 + i * 2), '3000')], { project: { name } }));
    }
    const search = async (query: string) => (await callApi(s, 'projects.search', { query })).map((p) => p.name);
    // the middle of a name (two characters, three characters)
    expect((await search('蓉江')).sort()).toEqual(['章贡区蓉江路安置房一期', '蓉江新城学校', '赣州蓉江新区安置房三期工程'].sort());
    expect((await search('安置房')).sort()).toEqual(['章贡区蓉江路安置房一期', '赣州蓉江新区安置房三期工程'].sort());
    expect(await search('标准厂房')).toEqual(['南康家具产业园标准厂房']);
    // a name starting with the query comes first
    expect((await search('蓉江'))[0]).toBe('蓉江新城学校');
    // a worker's or company's name in the same case is not a project name
    expect(await search('工人甲')).toEqual([]);
    expect(await search('赣建建设')).toEqual([]);
    expect(await search('不存在的工程')).toEqual([]);
    // each project once, with its parties
    const found = await callApi(s, 'projects.search', { query: '安置房' });
    expect(new Set(found.map((p) => p.id)).size).toBe(found.length);
  });
});
