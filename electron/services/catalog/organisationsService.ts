import { sql } from 'drizzle-orm';
import { checkCreditCode } from '../../core/ids/creditCode';
import { checkIdNumber } from '../../core/ids/idNumber';
import { normalizePhone } from '../../core/ids/phone';
import { AppFailure, type OrganisationView } from '../../core/contract';
import type { z } from 'zod';
import type { organisationInputSchema } from '../../core/contract';
import { organisations } from '../../../db/schema';
import type { Executor } from '../../../db/open';

type OrganisationInput = z.infer<typeof organisationInputSchema>;

export const organisationColumns = {
  id: organisations.id,
  kind: organisations.kind,
  name: organisations.name,
  creditCode: organisations.creditCode,
  idNumber: organisations.idNumber,
  legalRepresentative: organisations.legalRepresentative,
  address: organisations.address,
  phone: organisations.phone,
};

/** Name prefix or credit-code prefix, through the indexes (range scans, not LIKE). */
export function searchOrganisations(db: Executor, query: string): OrganisationView[] {
  const q = query.trim();
  if (!q) return db.select(organisationColumns).from(organisations).orderBy(sql`${organisations.id} desc`).limit(20).all();
  const upper = q.toUpperCase();
  return db
    .select(organisationColumns)
    .from(organisations)
    .where(
      sql`(${organisations.name} >= ${q} and ${organisations.name} < ${q + '\uffff'})
       or (${organisations.creditCode} >= ${upper} and ${organisations.creditCode} < ${upper + '\uffff'})`,
    )
    .limit(20)
    .all();
}

/** Checks a respondent's identifiers; `where` names the place in the form ("被申请人2"). */
export function normaliseOrganisation(input: OrganisationInput, where: string, today: string): OrganisationInput {
  const out: OrganisationInput = { ...input };
  if (input.creditCode) {
    const check = checkCreditCode(input.creditCode);
    if (!check.ok) throw new AppFailure('invalid_input', `${where}（${input.name}）统一社会信用代码：${check.message}`);
    out.creditCode = check.value;
  } else out.creditCode = undefined;
  if (input.idNumber) {
    const check = checkIdNumber(input.idNumber, today);
    if (!check.ok) throw new AppFailure('invalid_input', `${where}（${input.name}）身份证号码：${check.message}`);
    out.idNumber = check.value;
  } else out.idNumber = undefined;
  if (input.phone) {
    const check = normalizePhone(input.phone, { allowLandline: true });
    if (!check.ok) throw new AppFailure('invalid_input', `${where}（${input.name}）联系电话：${check.message}`);
    out.phone = check.value;
  } else out.phone = undefined;
  return out;
}

/**
 * Finds the organisation by credit code (companies) or ID number (persons), else creates it.
 * Typed details refresh the record; blanks never erase what was stored before.
 */
export function upsertOrganisation(db: Executor, input: OrganisationInput, now: Date): number {
  const existing = input.creditCode
    ? db.get<{ id: number }>(sql`select id from organisations where credit_code = ${input.creditCode}`)
    : input.idNumber
      ? db.get<{ id: number }>(sql`select id from organisations where id_number = ${input.idNumber}`)
      : undefined;
  const v = {
    kind: input.kind,
    name: input.name,
    creditCode: input.creditCode ?? null,
    idNumber: input.idNumber ?? null,
    legalRepresentative: input.legalRepresentative || null,
    address: input.address || null,
    phone: input.phone || null,
  };
  if (existing) {
    db.run(sql`update organisations set kind = ${v.kind}, name = ${v.name}, credit_code = coalesce(${v.creditCode}, credit_code),
      id_number = coalesce(${v.idNumber}, id_number), legal_representative = coalesce(${v.legalRepresentative}, legal_representative),
      address = coalesce(${v.address}, address), phone = coalesce(${v.phone}, phone)
      where id = ${existing.id}`);
    return existing.id;
  }
  return db.get<{ id: number }>(sql`insert into organisations (kind, name, credit_code, id_number, legal_representative, address, phone, created_at)
    values (${v.kind}, ${v.name}, ${v.creditCode}, ${v.idNumber}, ${v.legalRepresentative}, ${v.address}, ${v.phone}, ${now.toISOString()})
    returning id`)!.id;
}
