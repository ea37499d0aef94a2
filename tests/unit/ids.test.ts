import { describe, it, expect } from 'vitest';
import {
  checkIdNumber,
  checkIdNumberCell,
  computeIdCheck,
  idNumberLooksNumericallyMangled,
  upgradeLegacyIdNumber,
  LEGACY_ID_MESSAGE,
  ID_NUMBER_MANGLED_MESSAGE,
} from '../../electron/core/ids/idNumber';
import { checkCreditCode, computeCreditCodeCheck } from '../../electron/core/ids/creditCode';
import { normalizePhone } from '../../electron/core/ids/phone';

const TODAY = '2026-03-05';

describe('computeIdCheck (ISO 7064 MOD 11-2)', () => {
  // Worked example, 11010519491231002X (GB 11643 annex):
  //   digits   1  1  0  1  0  5  1  9  4  9  1  2  3  1  0  0  2
  //   weights  7  9 10  5  8  4  2  1  6  3  7  9 10  5  8  4  2
  //   products 7  9  0  5  0 20  2  9 24 27  7 18 30  5  0  0  4  → Σ = 167
  //   167 mod 11 = 2 → "10X98765432"[2] = X
  // Synthetic 36070219880101001?:
  //   digits   3  6  0  7  0  2  1  9  8  8  0  1  0  1  0  0  1
  //   products 21 54  0 35  0  8  2  9 48 24  0  9  0  5  0  0  2  → Σ = 217
  //   217 mod 11 = 8 → "10X98765432"[8] = 4
  // Synthetic 44030019900307002?:
  //   digits   4  4  0  3  0  0  1  9  9  0  0  3  0  7  0  0  2
  //   products 28 36  0 15  0  0  2  9 54  0  0 27  0 35  0  0  4  → Σ = 210
  //   210 mod 11 = 1 → "10X98765432"[1] = 0
  it.each([
    ['11010519491231002', 'X'],
    ['44052418800101001', '4'],
    ['36070219880101001', '4'],
    ['44030019900307002', '0'],
  ])('%s → %s', (first17, check) => {
    expect(computeIdCheck(first17)).toBe(check);
  });
  it('rejects non-digits', () => {
    expect(() => computeIdCheck('1101051949123100X')).toThrow();
  });
});

describe('checkIdNumber', () => {
  it.each([
    // input, value, birthDate, sex
    ['11010519491231002X', '11010519491231002X', '1949-12-31', 'female'], // sequence 002 even
    ['11010519491231002x', '11010519491231002X', '1949-12-31', 'female'], // lower-case x
    ['  １１０１０５１９４９１２３１００２Ｘ ', '11010519491231002X', '1949-12-31', 'female'], // full-width
    ['110105 19491231 002X', '11010519491231002X', '1949-12-31', 'female'], // spaced groups
    ['440524188001010014', '440524188001010014', '1880-01-01', 'male'], // born 1880, sequence 001 odd
    ['360702198801010014', '360702198801010014', '1988-01-01', 'male'],
    ['440300199003070020', '440300199003070020', '1990-03-07', 'female'],
  ] as const)('%s is valid', (raw, value, birthDate, sex) => {
    expect(checkIdNumber(raw, TODAY)).toEqual({ ok: true, value, birthDate, sex });
  });

  it.each([
    ['', '身份证号码为空'],
    ['11010519491231002', '身份证号码应为18位（现为17位）'],
    ['11010519491231002X1', '身份证号码只能包含数字，末位可为X'], // X not last
    ['1101051949123100Y2', '身份证号码只能包含数字，末位可为X'],
    ['110105194912310025', '身份证号码校验位错误：末位应为X，现为5'],
    ['360702198801010015', '身份证号码校验位错误：末位应为4，现为5'],
    // month 13: the date is checked before the check character
    ['110105194913310025', '身份证号码中的出生日期19491331不是有效日期'],
    ['110105202302290025', '身份证号码中的出生日期20230229不是有效日期'], // 2023 not leap
    // born 2026-03-06, the day after TODAY; check char computed so only the date is wrong
    [`11010520260306002${computeIdCheck('11010520260306002')}`, '身份证号码中的出生日期晚于今天'],
    [`11010518491231002${computeIdCheck('11010518491231002')}`, '身份证号码中的出生日期18491231早于1850年，请核对'],
    ['36070288013100X', '15位旧身份证号码只能包含数字'],
    ['360702881301001', '身份证号码中的出生日期19881301不是有效日期'],
  ])('%s → %s', (raw, message) => {
    expect(checkIdNumber(raw, TODAY)).toEqual({ ok: false, message });
  });

  // First-generation 15-digit cards stopped being valid on 2013-01-01: refused from that day on,
  // accepted only as a recorded exception (allowLegacy). 360702 880101 001 → born 1988-01-01, male.
  it.each([
    ['refused today', '360702880101001', TODAY, {}, { ok: false, legacy: true, message: LEGACY_ID_MESSAGE }],
    ['refused on the cutoff day', '360702880101001', '2013-01-01', {}, { ok: false, legacy: true, message: LEGACY_ID_MESSAGE }],
    ['still valid the day before', '360702880101001', '2012-12-31', {}, { ok: true, legacy: true, value: '360702880101001', birthDate: '1988-01-01', sex: 'male' }],
    ['accepted as a recorded exception', '360702880101001', TODAY, { allowLegacy: true }, { ok: true, legacy: true, value: '360702880101001', birthDate: '1988-01-01', sex: 'male' }],
    // an exception does not make a bad date pass
    ['bad date even as an exception', '360702881301001', TODAY, { allowLegacy: true }, { ok: false, message: '身份证号码中的出生日期19881301不是有效日期' }],
  ] as const)('15 digits %s', (_label, raw, today, opts, expected) => {
    expect(checkIdNumber(raw, today, opts)).toEqual(expected);
  });

  it('accepts a birth date equal to today', () => {
    const id = `11010520260305002${computeIdCheck('11010520260305002')}`;
    expect(checkIdNumber(id, TODAY).ok).toBe(true);
  });

  it('upgrades a 15-digit number', () => {
    // 360702880101001 → 36070219880101001 + check 4 (worked above)
    expect(upgradeLegacyIdNumber('360702880101001')).toBe('360702198801010014');
  });
});

describe('ID numbers stored as spreadsheet numbers', () => {
  it.each([
    [3.60702198801011e17, true], // 18 digits: last digits lost
    [36070219880101001, true], // 17 digits (the X dropped)
    [1e15, true],
    [360702880101001, false], // 15 digits: exact, a legacy number
    [12345, false],
  ])('%d mangled → %s', (v, mangled) => {
    expect(idNumberLooksNumericallyMangled(v)).toBe(mangled);
  });

  it('gives the fix-the-column message', () => {
    expect(checkIdNumberCell(3.60702198801011e17, TODAY)).toEqual({ ok: false, message: ID_NUMBER_MANGLED_MESSAGE });
    expect(ID_NUMBER_MANGLED_MESSAGE).toBe('该单元格被表格存为数字，身份证号码末几位已丢失，请把该列设为文本后重新录入');
  });

  it('reads a 15-digit numeric cell (exact, but a first-generation number) and a text cell', () => {
    expect(checkIdNumberCell(360702880101001, TODAY)).toEqual({ ok: false, legacy: true, message: LEGACY_ID_MESSAGE });
    expect(checkIdNumberCell(360702880101001, TODAY, { allowLegacy: true })).toMatchObject({ ok: true, birthDate: '1988-01-01' });
    expect(checkIdNumberCell('11010519491231002X', TODAY)).toMatchObject({ ok: true });
    expect(checkIdNumberCell(null, TODAY)).toEqual({ ok: false, message: '身份证号码为空' });
  });
});

describe('computeCreditCodeCheck (GB 32100, MOD 31)', () => {
  // Worked example, 91350100M000100Y4? (the standard's example). Values: digits as themselves,
  // letters by position in 0-9 A-H J-N P-R T-U W-Y: M = 21, Y = 30.
  //   chars    9  1  3  5  0  1  0  0  M  0  0  0  1  0  0  Y  4
  //   values   9  1  3  5  0  1  0  0 21  0  0  0  1  0  0 30  4
  //   weights  1  3  9 27 19 26 16 17 20 29 25 13  8 24 10 30 28
  //   products 9  3 27 135 0 26  0  0 420 0  0  0  8  0  0 900 112 → Σ = 1640
  //   1640 mod 31 = 28 (31 × 52 = 1612); 31 − 28 = 3 → "3"
  it.each([
    ['91350100M000100Y4', '3'],
    ['91512081MA62K0260', 'E'],
    ['91310115MA1H8R7C6', '7'],
  ])('%s → %s', (first17, check) => {
    expect(computeCreditCodeCheck(first17)).toBe(check);
  });
  it('maps 31 to 0', () => {
    // 17 zeros → Σ = 0 → 31 − 0 = 31, which the standard writes as 0.
    expect(computeCreditCodeCheck('00000000000000000')).toBe('0');
  });
});

describe('checkCreditCode', () => {
  it.each([
    ['91350100M000100Y43', '91350100M000100Y43'],
    ['91512081MA62K0260E', '91512081MA62K0260E'],
    ['91512081ma62k0260e', '91512081MA62K0260E'], // lower case
    [' ９１３５０１００Ｍ０００１００Ｙ４３ ', '91350100M000100Y43'], // full-width
  ])('%s is valid', (raw, value) => {
    expect(checkCreditCode(raw)).toEqual({ ok: true, value });
  });
  it.each([
    ['91350100M000100Y4Z', '统一社会信用代码第18位“Z”无效（代码中不使用字母I、O、S、V、Z，是否应为2）'],
    ['91310115MA1H8R7C6D', '统一社会信用代码校验位错误：末位应为7，现为D'],
    ['91350100MO00100Y43', '统一社会信用代码第10位“O”无效（代码中不使用字母I、O、S、V、Z，是否应为0）'],
    ['91350100M000100Y4', '统一社会信用代码应为18位（现为17位）'],
    ['91350100-M000100Y43', '统一社会信用代码只能包含数字和大写字母'],
    ['', '统一社会信用代码为空'],
  ])('%s → %s', (raw, message) => {
    expect(checkCreditCode(raw)).toEqual({ ok: false, message });
  });
});

describe('normalizePhone', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['138 0013 8000', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['１３８００１３８０００', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['+8613800138000', '13800138000'],
    ['008613800138000', '13800138000'],
    ['86 13800138000', '13800138000'],
    ['19912345678', '19912345678'],
  ])('mobile %s → %s', (raw, value) => {
    expect(normalizePhone(raw)).toEqual({ ok: true, value });
  });
  it.each([
    ['', '电话号码为空'],
    ['1380013800', '手机号码应为11位（现为10位）'],
    ['12800138000', '手机号码第二位应为3至9'],
    ['138001380001', '手机号码应为11位（现为12位）'],
    ['138abc', '电话号码只能包含数字'],
    ['0797-1234567', '请填写11位手机号码（以1开头）'], // landline not allowed by default
    ['+1 415 555 0100', '仅支持中国大陆电话号码（+86）'],
  ])('mobile-only %s → %s', (raw, message) => {
    expect(normalizePhone(raw)).toEqual({ ok: false, message });
  });
  it.each([
    ['0797-1234567', '0797-1234567'],
    ['07971234567', '0797-1234567'], // 0797 is not 010/02x → 4-digit area code
    ['(0797)1234567', '0797-1234567'],
    ['（0797）12345678', '0797-12345678'],
    ['010-12345678', '010-12345678'],
    ['01012345678', '010-12345678'], // 010 → 3-digit area code
    ['021 6123 4567', '021-61234567'],
    ['+86 10 1234 5678', '010-12345678'], // international form drops the trunk 0
    ['13800138000', '13800138000'], // mobiles still fine
  ])('landline %s → %s', (raw, value) => {
    expect(normalizePhone(raw, { allowLandline: true })).toEqual({ ok: true, value });
  });
  it.each([
    ['61234567', '固定电话应带区号（以0开头），如0797-1234567'],
    ['010-1234567', '固定电话号码位数不对，应为区号加7至8位号码，如0797-1234567'], // Beijing has 8
    ['0797-123456', '固定电话号码位数不对，应为区号加7至8位号码，如0797-1234567'],
  ])('landline %s → %s', (raw, message) => {
    expect(normalizePhone(raw, { allowLandline: true })).toEqual({ ok: false, message });
  });
});
