import { describe, expect, it } from 'vitest';
import { closingResultText } from '../../electron/services/documents/builders';

// 结案审批表「结案情况」: an award with final items (劳动争议调解仲裁法第四十七条) and non-final
// ones (第四十八条) is served as two 裁决书 and closes as 部分终局, whichever method was picked.
describe('closingResultText', () => {
  const cases: [Parameters<typeof closingResultText>[0], number, number, string][] = [
    ['finalAward', 3, 0, '裁决结案（终局裁决）'],
    ['nonFinalAward', 0, 2, '裁决结案（非终局裁决）'],
    ['finalAward', 2, 1, '裁决结案（部分终局）'],
    ['nonFinalAward', 1, 4, '裁决结案（部分终局）'],
    ['mediation', 2, 1, '调解结案'], // award items of an unissued draft do not change a mediated close
    ['withdrawal', 0, 0, '撤回仲裁申请'],
  ];
  for (const [method, finals, nonFinals, text] of cases) {
    it(`${method} with ${finals} final / ${nonFinals} non-final items → ${text}`, () => expect(closingResultText(method, { finals, nonFinals })).toBe(text));
  }
});
