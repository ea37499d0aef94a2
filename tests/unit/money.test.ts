import { describe, it, expect } from 'vitest';
import { parseYuanToFen, formatFen, formatYuan, fenToChineseUpper, groupThousands, sumFen, MAX_AMOUNT_FEN } from '../../electron/core/money';

describe('parseYuanToFen', () => {
  it.each([
    ['1,234.5', 123450],
    ['１２３４', 123400], // full-width digits
    ['１２３４．５', 123450], // full-width point
    ['1234元', 123400],
    ['1234元整', 123400],
    ['¥1,234.56', 123456],
    ['￥ 88', 8800],
    ['人民币500元', 50000],
    ['0', 0],
    ['0.01', 1],
    ['.5', 50],
    [' 12.50 ', 1250],
    ['12.500', 1250], // trailing zeros beyond 2 decimals are harmless
    ['1,234,567.89', 123456789],
    ['3.2万', 3200000], // 3.2 × 10000 yuan = 32000 yuan = 3200000 fen
    ['1.5万元', 1500000],
    ['1.234567万', 1234567], // 12345.67 yuan
    [1234.5, 123450],
    [1234.56, 123456], // 1234.56 * 100 = 123456.00000000001 in floating point
    [0.1 + 0.2, 30], // 0.30000000000000004 is within 1e-9 of 0.30
    [19.99, 1999],
    [0, 0],
  ])('%j → %d fen', (input, fen) => {
    expect(parseYuanToFen(input)).toEqual({ ok: true, fen });
  });

  it.each([
    ['', '金额为空'],
    ['   ', '金额为空'],
    ['元', '金额为空'],
    ['-5', '金额不能为负数'],
    ['－5', '金额不能为负数'], // full-width minus
    [-5, '金额不能为负数'],
    ['12.345', '金额最多保留两位小数'],
    [12.345, '金额最多保留两位小数'],
    [1.005, '金额最多保留两位小数'], // the float is 1.00499999…, not a 2-decimal amount
    ['1.2345678万', '金额最多保留两位小数'], // 12345.678 yuan
    ['abc', '金额格式不正确，请填写数字，如1234.50'],
    ['12,34', '金额格式不正确，请填写数字，如1234.50'], // commas must group by three
    ['1.2.3', '金额格式不正确，请填写数字，如1234.50'],
    [Number.NaN, '金额格式不正确，请填写数字，如1234.50'],
    [Number.POSITIVE_INFINITY, '金额格式不正确，请填写数字，如1234.50'],
    ['99999999999999999999', '金额过大：单项不能超过1亿元'],
    ['90,071,992,547,409.91', '金额过大：单项不能超过1亿元'], // two of these overflowed the case total (issue 8)
    ['100000000.01', '金额过大：单项不能超过1亿元'],
    ['1.0000001万万', '金额格式不正确，请填写数字，如1234.50'],
    [100_000_000.01, '金额过大：单项不能超过1亿元'],
  ])('%j → %s', (input, message) => {
    expect(parseYuanToFen(input)).toEqual({ ok: false, message });
  });
});

describe('the per-item bound', () => {
  it('accepts exactly 1亿元 (MAX_AMOUNT_FEN) and 10000万', () => {
    expect(parseYuanToFen('100000000')).toEqual({ ok: true, fen: MAX_AMOUNT_FEN });
    expect(parseYuanToFen('10000万')).toEqual({ ok: true, fen: MAX_AMOUNT_FEN });
    // 2000 workers × 10 items at the bound still add up exactly
    expect(Number.isSafeInteger(2000 * 10 * MAX_AMOUNT_FEN)).toBe(true);
  });
});

describe('formatFen / formatYuan', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [50, '0.50'],
    [100, '1.00'],
    [123456, '1,234.56'],
    [1234567, '12,345.67'],
    [100000000, '1,000,000.00'],
    [-150, '-1.50'],
  ])('%d → %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });
  it('formatYuan adds 元', () => {
    expect(formatYuan(1234567)).toBe('12,345.67元');
  });
  it('refuses fractional fen', () => {
    expect(() => formatFen(1.5)).toThrow();
  });
});

describe('fenToChineseUpper (PBoC writing rules)', () => {
  // Rules (正确填写票据和结算凭证的基本规定):
  //  a. amount ends at 元 → write 整; after 角 or 分 no 整.
  //  b. a 0 between digits → 零; several consecutive 0s → one 零.
  //  c. 万位/元位 is 0 but 千位/角位 is not → one 零 or none (we write 零 after 元 when 元位 = 0
  //     and 角 ≠ 0, and none at 万 when 千 ≠ 0 — exactly the PBoC's first example forms).
  //  d. 角位 0 and 分位 not 0 → 零 after 元.
  it.each([
    [0, '人民币零元整'],
    [100000, '人民币壹仟元整'], // ¥1,000.00 (a)
    [140950, '人民币壹仟肆佰零玖元伍角'], // ¥1,409.50 (b), no 整 after 角
    [600714, '人民币陆仟零柒元壹角肆分'], // ¥6,007.14 (b) two zeros → one 零
    [10700053, '人民币壹拾万柒仟元零伍角叁分'], // ¥107,000.53 (c)
    [168032, '人民币壹仟陆佰捌拾元零叁角贰分'], // ¥1,680.32 (c)
    [32504, '人民币叁佰贰拾伍元零肆分'], // ¥325.04 (d)
    [1640902, '人民币壹万陆仟肆佰零玖元零贰分'], // ¥16,409.02 (b)+(d)
    [1000050, '人民币壹万元零伍角'], // ¥10,000.50 (c): 元位 0, 角 5
    [1000005, '人民币壹万元零伍分'], // ¥10,000.05 (d)
    [1000, '人民币壹拾元整'],
    [1005, '人民币壹拾元零伍分'],
    [50, '人民币伍角'], // no integer part: no 零元
    [5, '人民币伍分'],
    [55, '人民币伍角伍分'],
    [1234567, '人民币壹万贰仟叁佰肆拾伍元陆角柒分'],
    [10000000000, '人民币壹亿元整'],
    [10001000000, '人民币壹亿零壹万元整'], // ¥100,010,000.00 (b)
  ])('%d fen → %s', (fen, text) => {
    expect(fenToChineseUpper(fen)).toBe(text);
  });
  it('refuses negative and fractional fen', () => {
    expect(() => fenToChineseUpper(-1)).toThrow();
    expect(() => fenToChineseUpper(0.5)).toThrow();
  });
});

describe('sumFen', () => {
  it('adds integers', () => {
    expect(sumFen([])).toBe(0);
    expect(sumFen([10, 20, 30])).toBe(60);
    // 0.1 + 0.2 yuan as fen never drifts
    expect(sumFen([10, 20])).toBe(30);
  });
  it('refuses non-integers', () => {
    expect(() => sumFen([1, 0.5])).toThrow();
  });
});

describe('groupThousands', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1000, '1,000'],
    [100000, '100,000'],
    [1234567, '1,234,567'],
  ])('%d → %s, as toLocaleString("zh-CN") writes it', (n, out) => {
    expect(groupThousands(n)).toBe(out);
    expect(n.toLocaleString('zh-CN')).toBe(out);
  });
});
