import { describe, expect, it } from 'vitest';
import { decisionLead, defenceLines, factLines, reasoningParts } from '../../electron/documents/award/awardText';

// The arbitrator's texts placed after the award's fixed leads, never doubled (issue 11 §2): each row
// worked by hand from what the award prints before it ("被申请人辩称：", "经审理查明：", "本委认为，",
// and "综上，本委裁决如下：" after the reasoning).

describe('defenceLines: "被申请人辩称：" only when the text does not say who argues', () => {
  const table: [string, string, string[]][] = [
    ['plain text gets the lead', '对拖欠工资无异议。', ['被申请人辩称：对拖欠工资无异议。']],
    ['a named respondent argues', '被申请人江西启宏劳务有限公司辩称：对拖欠工资无异议。', ['被申请人江西启宏劳务有限公司辩称：对拖欠工资无异议。']],
    ['two respondents together', '二被申请人共同辩称：工程款未结算。', ['二被申请人共同辩称：工程款未结算。']],
    ['a company without "被申请人"', '江西赣建建设集团有限公司辩称，其非用人单位。', ['江西赣建建设集团有限公司辩称，其非用人单位。']],
    ['a sentence about the respondent', '被申请人未提交书面答辩意见。', ['被申请人未提交书面答辩意见。']],
    ['only the first line is led', '对工资无异议。\n被申请人刘德胜辩称：其仅为班组长。', ['被申请人辩称：对工资无异议。', '被申请人刘德胜辩称：其仅为班组长。']],
    ['empty', '  \n ', []],
  ];
  it.each(table)('%s', (_label, text, expected) => {
    expect(defenceLines(text)).toEqual(expected);
  });
});

describe('factLines: "经审理查明：" only when the text does not open with its own finding lead', () => {
  const table: [string, string, string[]][] = [
    ['plain facts', '申请人于2026年3月入职。', ['经审理查明：申请人于2026年3月入职。']],
    ['经查', '经查，申请人于2026年3月入职。', ['经查，申请人于2026年3月入职。']],
    ['经审理查明', '经审理查明：申请人于2026年3月入职。', ['经审理查明：申请人于2026年3月入职。']],
    ['经查明', '经查明，被申请人未足额支付工资。', ['经查明，被申请人未足额支付工资。']],
    ['本委查明', '本委查明，申请人系木工。', ['本委查明，申请人系木工。']],
  ];
  it.each(table)('%s', (_label, text, expected) => {
    expect(factLines(text)).toEqual(expected);
  });
});

describe('reasoningParts + decisionLead: "裁决如下" once; a basis typed before it moves into the closing sentence', () => {
  const LAW = '依照《中华人民共和国劳动合同法》第三十条的规定';
  const table: [string, string, string[], string][] = [
    ['plain reasoning', '用人单位应当按时足额支付劳动报酬。', ['本委认为，用人单位应当按时足额支付劳动报酬。'], '综上，本委裁决如下：'],
    ['already led, ends with 综上，本委裁决如下：', '本委认为，被申请人应予支付。综上，本委裁决如下：', ['本委认为，被申请人应予支付。'], '综上，本委裁决如下：'],
    ['a closing line of its own', '被申请人应予支付。\n综上，本委裁决如下：', ['本委认为，被申请人应予支付。'], '综上，本委裁决如下：'],
    ['a basis before 裁决如下', `用人单位应当按时足额支付劳动报酬。${LAW}，裁决如下：`, ['本委认为，用人单位应当按时足额支付劳动报酬。'], `综上，${LAW}，本委裁决如下：`],
    ['综上 + basis + 本委裁决如下', '被申请人应予支付。综上，依照《劳动合同法》第三十条之规定，本委裁决如下：', ['本委认为，被申请人应予支付。'], '综上，依照《劳动合同法》第三十条之规定，本委裁决如下：'],
    ['the basis alone on the last line', `被申请人应予支付。\n${LAW}，本委裁决如下：`, ['本委认为，被申请人应予支付。'], `综上，${LAW}，本委裁决如下：`],
    ['a basis without 裁决如下 stays in the reasoning', `被申请人应予支付，${LAW}。`, [`本委认为，被申请人应予支付，${LAW}。`], '综上，本委裁决如下：'],
    ['仲裁庭认为 is a lead too', '仲裁庭认为，应予支持。', ['仲裁庭认为，应予支持。'], '综上，本委裁决如下：'],
  ];
  it.each(table)('%s', (_label, text, lines, lead) => {
    const parts = reasoningParts(text);
    expect(parts.lines).toEqual(lines);
    expect(decisionLead(parts.basis)).toBe(lead);
    // read together, "裁决如下" appears exactly once
    expect(`${parts.lines.join('')}${decisionLead(parts.basis)}`.match(/裁决如下/g)).toHaveLength(1);
  });
});
