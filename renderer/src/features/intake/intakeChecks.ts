/**
 * Live checks of the intake form outside the workers grid (project, respondents, dates).
 * Pure; the workers grid is checked by validateWorkers.
 */
import { isValidDate } from '../../../../electron/core/dates';
import { checkCreditCode } from '../../../../electron/core/ids/creditCode';
import { checkIdNumber } from '../../../../electron/core/ids/idNumber';
import { normalizePhone } from '../../../../electron/core/ids/phone';
import type { IntakeDraft, RespondentDraft } from './intakeModel';

export type RespondentField = 'name' | 'creditCode' | 'idNumber' | 'phone' | 'contractedByKey';
export type RespondentIssues = Partial<Record<RespondentField, string>>;

export type FormChecks = {
  /** respondent key → field → message */
  respondents: Record<string, RespondentIssues>;
  project: { name?: string };
  receivedOn?: string;
  cause?: string;
  /** required fields still empty, one Chinese line each */
  missing: string[];
  /** values that are wrong (bad code, date in the future…), one Chinese line each */
  errors: string[];
};

export function checkCreditCodeField(value: string): string | undefined {
  if (value.trim() === '') return undefined;
  const r = checkCreditCode(value);
  return r.ok ? undefined : r.message;
}

export function checkPersonIdField(value: string, today: string): string | undefined {
  if (value.trim() === '') return undefined;
  const r = checkIdNumber(value, today);
  return r.ok ? undefined : r.message;
}

export function checkRespondentPhone(value: string): string | undefined {
  if (value.trim() === '') return undefined;
  const r = normalizePhone(value, { allowLandline: true });
  return r.ok ? undefined : r.message;
}

export function checkRespondent(r: RespondentDraft, today: string): RespondentIssues {
  const out: RespondentIssues = {};
  if (r.name.trim() === '') out.name = r.kind === 'person' ? '请填写姓名' : '请填写单位名称';
  // a picked record was checked when it was stored
  if (r.organisationId !== null) return out;
  if (r.kind === 'company') {
    const m = checkCreditCodeField(r.creditCode);
    if (m) out.creditCode = m;
  } else {
    const m = checkPersonIdField(r.idNumber, today);
    if (m) out.idNumber = m;
  }
  const p = checkRespondentPhone(r.phone);
  if (p) out.phone = p;
  return out;
}

const fieldNames: Record<RespondentField, string> = {
  name: '名称',
  creditCode: '统一社会信用代码',
  idNumber: '身份证号码',
  phone: '联系电话',
  contractedByKey: '由谁发包',
};

export function checkIntakeForm(
  draft: Pick<IntakeDraft, 'receivedOn' | 'cause' | 'project' | 'respondents'>,
  today: string,
): FormChecks {
  const checks: FormChecks = { respondents: {}, project: {}, missing: [], errors: [] };
  if (!isValidDate(draft.receivedOn)) {
    checks.receivedOn = '请选择收案日期';
    checks.missing.push(checks.receivedOn);
  } else if (draft.receivedOn > today) {
    checks.receivedOn = '收案日期不能晚于今天';
    checks.errors.push(checks.receivedOn);
  }
  if (draft.cause.trim() === '') {
    checks.cause = '请填写案由';
    checks.missing.push(checks.cause);
  }
  if (draft.project.id === null && draft.project.name.trim() === '') {
    checks.project.name = '请选择或填写工程项目名称';
    checks.missing.push(checks.project.name);
  }
  if (draft.respondents.length === 0) checks.missing.push('至少需要一个被申请人');
  draft.respondents.forEach((r, i) => {
    const issues = checkRespondent(r, today);
    if (Object.keys(issues).length) {
      checks.respondents[r.key] = issues;
      for (const [field, message] of Object.entries(issues) as [RespondentField, string][]) {
        (field === 'name' ? checks.missing : checks.errors).push(`被申请人${i + 1}（${fieldNames[field]}）：${message}`);
      }
    }
  });
  return checks;
}
