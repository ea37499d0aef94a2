import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, date, describeZodError, fen, localTime, longText, methodNames, text, type MethodSpec } from '../../electron/core/contract';
import { describePath, labelOf } from '../../electron/core/contract/messages';

/** Every object key in an input schema, with its parent key (to resolve `parent.key` labels). */
function inputKeys(schema: z.ZodType): { key: string; parent: string | undefined; schema: z.ZodType }[] {
  const found: { key: string; parent: string | undefined; schema: z.ZodType }[] = [];
  const walk = (s: z.ZodType, parent: string | undefined, depth: number) => {
    if (depth > 20) return;
    const def = (s as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
    switch (def.type) {
      case 'object':
        for (const [key, child] of Object.entries(def.shape as Record<string, z.ZodType>)) {
          found.push({ key, parent, schema: child });
          walk(child, key, depth + 1);
        }
        break;
      case 'array':
        return walk(def.element as z.ZodType, parent, depth + 1);
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'readonly':
        return walk(def.innerType as z.ZodType, parent, depth + 1);
      case 'pipe':
        return walk(def.in as z.ZodType, parent, depth + 1);
      case 'union':
        for (const option of def.options as z.ZodType[]) walk(option, parent, depth + 1);
    }
  };
  walk(schema, undefined, 0);
  return found;
}

const CJK = /[\u4e00-\u9fff]/;
/** An English word of three letters or more: none may reach a user (YYYY-MM-DD, HH:mm, base64 are formats, not sentences). */
const ENGLISH_WORD = /\b(?!YYYY|MM|DD|HH|mm|base64\b)[A-Za-z]{3,}\b/;

describe('every input field has a Chinese name (the mechanism other methods inherit)', () => {
  it.each(methodNames.map((m) => [m]))('%s', (method) => {
    const unnamed = inputKeys((contract[method] as MethodSpec).input)
      .filter(({ key, parent, schema }) => labelOf(key, parent, schema) === undefined)
      .map(({ key, parent }) => (parent ? `${parent}.${key}` : key));
    expect(unnamed, `add these keys to electron/core/contract/labels.ts or give the field .meta({ title })`).toEqual([]);
  });

  it.each([
    [['workers', 3, 'idNumber'], '第4名申请人的身份证号码'],
    [['workers', 0, 'name'], '第1名申请人的姓名'],
    [['respondents', 1, 'organisation', 'name'], '第2个被申请人的名称'],
    [['respondents', 0, 'contractedByIndex'], '第1个被申请人的发包方'],
    [['representativeIndexes', 2], '第3名代表人'],
    [['extraClaims', 0, 'workerIndex'], '第1项其他请求的所属申请人'],
    [['project', 'id'], '工程项目的编号'],
  ])('cases.create path %j reads %s', (path, label) => {
    expect(describePath(path, contract['cases.create'].input)).toBe(label);
  });

  it('a field may carry its own title', () => {
    expect(describePath(['title'], contract['evidence.update'].input)).toBe('证据名称');
    expect(describePath(['receivedOn'], contract['evidence.update'].input)).toBe('收到日期');
    expect(describePath(['name'], contract['rooms.save'].input)).toBe('仲裁庭名称');
  });
});

describe('dates: real calendar days in a sane range, one schema for every date field', () => {
  it.each([
    ['2026-02-30', '不是日历上存在的日期'],
    ['2026-13-45', '不是日历上存在的日期'],
    ['0000-00-00', '不是日历上存在的日期'],
    ['2100-02-29', '不是日历上存在的日期'], // 2100 is not a leap year
    ['9999-12-31', '日期应在2000年至2099年之间'],
    ['1900-01-01', '日期应在2000年至2099年之间'],
    ['1999-12-31', '日期应在2000年至2099年之间'],
    ['2026-3-5', '日期格式应为 YYYY-MM-DD，如 2026-03-05'],
    ['2026/03/05', '日期格式应为 YYYY-MM-DD，如 2026-03-05'],
    [20260305, '应为日期（YYYY-MM-DD）'],
    [undefined, '未填写'],
  ])('%j is refused: %s', (value, message) => {
    const result = date.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe(message);
  });

  it.each(['2000-01-01', '2024-02-29', '2026-03-05', '2099-12-31'])('%s is accepted', (value) => {
    expect(date.parse(value)).toBe(value);
  });

  it.each([
    ['2026-02-30T10:00', '不是日历上存在的日期'],
    ['2026-03-05T24:00', '时间格式应为 YYYY-MM-DDTHH:mm（北京时间），如 2026-03-05T09:30'],
    ['2026-03-05T09:60', '时间格式应为 YYYY-MM-DDTHH:mm（北京时间），如 2026-03-05T09:30'],
    ['2026-03-05T09:30Z', '时间格式应为 YYYY-MM-DDTHH:mm（北京时间），如 2026-03-05T09:30'],
    ['9999-12-31T23:59', '日期应在2000年至2099年之间'],
  ])('time %j is refused: %s', (value, message) => {
    expect(localTime.safeParse(value).error?.issues[0].message).toBe(message);
  });

  it('payments use the same time field (paidAt)', () => {
    const result = contract['mediation.recordPayment'].input.safeParse({ caseId: 1, workerId: 1, amountFen: 100, paidAt: '2026-02-30T10:00', method: 'cash' });
    expect(describeZodError(result.error!, contract['mediation.recordPayment'].input)).toBe('支付时间：不是日历上存在的日期');
  });
});

describe('money and text', () => {
  it.each([
    [10_000_000_000, true],
    [10_000_000_001, false],
    [0, true],
    [-1, false],
    [1.5, false],
    [2 ** 60, false],
  ])('fen %d accepted: %s', (value, ok) => {
    expect(fen.safeParse(value).success).toBe(ok);
  });

  it.each([
    ['张三\u0000', false],
    ['张三\u202e', false],
    ['张\n三', false],
    ['张三', true],
  ])('single-line text %j accepted: %s', (value, ok) => {
    expect(text(20).safeParse(value).success).toBe(ok);
  });

  it('multi-line text keeps line breaks and tabs, refuses other control characters', () => {
    expect(longText(100).parse('第一行\n\t第二行')).toBe('第一行\n\t第二行');
    expect(longText(100).safeParse('记录\u0007').error?.issues[0].message).toBe('不能包含控制字符');
  });
});

describe('zod messages are Chinese, name the field, never English', () => {
  const cases: [string, unknown][] = [
    ['cases.create', {}],
    ['cases.create', { channel: 'fax', receivedOn: '2026-02-30', procedure: 1, cause: '', project: 'x', respondents: [], workers: [{}] }],
    ['cases.accept', { id: 'one', acceptedOn: null }],
    ['cases.search', { limit: 10_000, offset: -1, query: 'x'.repeat(61) }],
    ['mediation.setAgreed', { caseId: 1, items: [{ claimItemId: 1, agreedFen: 1.5 }] }],
    ['presentation.show', { view: { kind: 'movie' } }],
    ['settings.update', { minimumWages: [{ effectiveOn: '2026-02-29', monthlyFen: -1 }] }],
    ['hearings.schedule', { caseId: 1, startsAt: '2026-03-05 09:00', endsAt: true, roomId: 0, procedure: 'x', presidingId: 1, clerkId: 1, wingIds: [1, 2, 3] }],
    ['evidence.update', { id: 1, title: '', receivedOn: '9999-12-31', originalSeen: 'yes' }],
  ];
  it.each(cases)('%s %j', (method, input) => {
    const schema = (contract[method as keyof typeof contract] as MethodSpec).input;
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    const message = describeZodError(result.error!, schema);
    expect(message).toMatch(CJK);
    expect(message).not.toMatch(ENGLISH_WORD);
    expect(message).not.toContain('undefined');
  });

  it('names the worker and the field in a roster error', () => {
    const schema = contract['cases.create'].input;
    const workers = Array.from({ length: 4 }, () => ({ name: '张三', idNumber: '1', phone: '', jobType: '', team: '', daysWorked: '', dailyWage: '', due: '', paid: '', owed: '1', bankCard: '', note: '' }));
    workers[3] = { ...workers[3], idNumber: '1'.repeat(41) };
    const result = schema.safeParse({ channel: 'walkIn', receivedOn: '2026-03-05', procedure: 'simplified', cause: '追索劳动报酬', project: { name: '某项目' }, respondents: [{ role: 'generalContractor', organisation: { kind: 'company', name: '某公司' } }], workers });
    expect(describeZodError(result.error!, schema)).toBe('第4名申请人的身份证号码：不能超过40个字');
  });

  it('references inside cases.create point at something in it', () => {
    const schema = contract['cases.create'].input;
    const worker = { name: '张三', idNumber: '1', phone: '', jobType: '', team: '', daysWorked: '', dailyWage: '', due: '', paid: '', owed: '1', bankCard: '', note: '' };
    const base = { channel: 'walkIn', receivedOn: '2026-03-05', procedure: 'simplified', cause: '追索劳动报酬', project: { name: '某项目' }, workers: [worker] };
    const org = (name: string) => ({ kind: 'company', name });
    const message = (input: object) => describeZodError(schema.safeParse({ ...base, ...input }).error!, schema);
    expect(message({ respondents: [{ role: 'generalContractor', organisation: org('甲'), contractedByIndex: 5 }] })).toBe('第1个被申请人的发包方：不存在：本案只有1个被申请人');
    expect(message({ respondents: [{ role: 'generalContractor', organisation: org('甲'), contractedByIndex: 0 }] })).toBe('第1个被申请人的发包方：不能是该被申请人自己');
    expect(message({ respondents: [{ role: 'generalContractor', organisation: org('甲') }], representativeIndexes: [0, 3] })).toBe('第2名代表人：不存在：本案只有1名申请人');
    expect(message({ respondents: [{ role: 'generalContractor', organisation: org('甲') }], extraClaims: [{ workerIndex: 1, type: 'overtime', amount: '100' }] })).toBe(
      '第1项其他请求的所属申请人：不存在：本案只有1名申请人',
    );
  });
});
