import { describe, expect, it } from 'vitest';
import { crossExaminationLine, crossExaminationPrefix, upsertRecordLine } from '../../electron/core/hearing/crossExaminationLine';
import { findRecordStep, recordStepKeys, recordSteps } from '../../electron/core/hearing/recordSteps';

describe('hearing record steps (Rules Art 41 hearing order)', () => {
  it('are the nine steps in the hearing order', () => {
    expect(recordStepKeys).toEqual(['attendance', 'opening', 'identities', 'rights', 'claims', 'investigation', 'debate', 'finalStatements', 'mediation']);
    expect(recordSteps.map((s) => s.title)).toEqual([
      '查明到庭情况、宣布庭审纪律',
      '宣布开庭、案由、仲裁员与书记员',
      '核对当事人身份',
      '告知权利义务、询问是否申请回避',
      '申请人陈述仲裁请求、被申请人答辩',
      '庭审调查、举证质证',
      '庭审辩论',
      '最后陈述',
      '庭审调解',
    ]);
  });
  it('each step has 3–6 ready phrases, each starting with a speaker label', () => {
    for (const step of recordSteps) {
      expect(step.phrases.length, step.key).toBeGreaterThanOrEqual(3);
      expect(step.phrases.length, step.key).toBeLessThanOrEqual(6);
      for (const p of step.phrases) expect(p, step.key).toMatch(/^[审书申被代]：\S/);
    }
    expect(new Set(recordStepKeys).size).toBe(recordStepKeys.length);
  });
  it('opening says 现在开庭; the parties speak in the statement, the tribunal asks about recusal', () => {
    expect(findRecordStep('opening')?.phrases[0]).toBe('审：现在开庭。');
    const all = recordSteps.flatMap((s) => s.phrases).join('\n');
    for (const label of ['审：', '申：', '被：', '代：']) expect(all).toContain(label);
    expect(findRecordStep('rights')?.phrases.join('')).toContain('回避');
    expect(findRecordStep('mediation')?.phrases.join('')).toContain('签收后发生法律效力');
    expect(findRecordStep('nope')).toBeUndefined();
  });
});

describe('cross-examination line of the record', () => {
  it('groups the three aspects per party and ends with the tribunal’s finding', () => {
    const line = crossExaminationLine('证据三', '工资表', [
      { party: 'tribunal', authenticity: 'accepted', legality: 'accepted', relevance: 'accepted', opinion: '可以作为认定欠薪数额的依据' },
      { party: 'respondent', authenticity: 'disputed', legality: 'accepted', relevance: 'noView', opinion: '工资表系班组长事后补写。' },
      { party: 'applicant', authenticity: 'accepted', legality: 'accepted', relevance: 'accepted', opinion: '' },
    ]);
    expect(line).toBe(
      '证据三《工资表》：申请人对真实性、合法性、关联性均无异议；被申请人对真实性有异议，对合法性无异议，对关联性不发表意见，工资表系班组长事后补写；仲裁庭认定：对真实性、合法性、关联性均予以确认，可以作为认定欠薪数额的依据。',
    );
  });
  it('a party with only an opinion', () => {
    expect(crossExaminationLine('证据一', '考勤表', [{ party: 'respondent', authenticity: null, legality: null, relevance: null, opinion: '需要核对原件' }])).toBe(
      '证据一《考勤表》：被申请人需要核对原件。',
    );
  });
  it('replaces the exhibit’s earlier line and keeps the clerk’s own text', () => {
    const prefix = crossExaminationPrefix('证据三', '工资表');
    let content = '审：下面进行举证质证。\n';
    content = upsertRecordLine(content, prefix, `${prefix}申请人无异议。`);
    expect(content).toBe('审：下面进行举证质证。\n证据三《工资表》：申请人无异议。');
    content = upsertRecordLine(content + '\n审：继续。', prefix, `${prefix}申请人无异议；被申请人有异议。`);
    expect(content).toBe('审：下面进行举证质证。\n证据三《工资表》：申请人无异议；被申请人有异议。\n审：继续。');
    expect(upsertRecordLine('', prefix, 'x')).toBe('x');
  });
});
