import { describe, expect, it } from 'vitest';
import { parseCaseNumberQuery } from '../../electron/core/caseNumber';

// What a clerk types in the case list's search box, and what it says about case numbers.
describe('parseCaseNumberQuery', () => {
  it.each([
    ['赣市劳人仲案字〔2026〕第3号', { kind: 'full', year: 2026, seq: 3 }],
    ['赣市劳人仲案字(2026)第3号', { kind: 'full', year: 2026, seq: 3 }],
    ['〔2026〕3号', { kind: 'full', year: 2026, seq: 3 }],
    ['[2025]第１２号', { kind: 'full', year: 2025, seq: 12 }],
    ['2026第3号', { kind: 'full', year: 2026, seq: 3 }],
    [' 〔2026〕 第 20574 号 ', { kind: 'full', year: 2026, seq: 20574 }],
    ['第3号', { kind: 'seq', seq: 3, caseNumbersOnly: true }],
    ['第3', { kind: 'seq', seq: 3, caseNumbersOnly: true }],
    ['3号', { kind: 'seq', seq: 3, caseNumbersOnly: true }],
    ['3', { kind: 'seq', seq: 3, caseNumbersOnly: false }],
    ['１２３４５６', { kind: 'seq', seq: 123456, caseNumbersOnly: false }],
  ])('%s', (query, expected) => {
    expect(parseCaseNumberQuery(query)).toEqual(expected);
  });

  it.each([['3607021975'], ['13800138000'], ['张三'], ['3号楼'], ['zs'], [''], ['1234567']])('%s is not about a case number', (query) => {
    expect(parseCaseNumberQuery(query)).toBeNull();
  });
});
