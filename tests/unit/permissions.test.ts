import { describe, expect, it } from 'vitest';
import { contract, mayCall, roles, type MethodName, type Role } from '../../electron/core/contract';

/**
 * Who may do what, worked out from the way a 速裁庭 divides its work (issue 9 §1):
 * 管理员 accounts, settings (rooms), backups; 仲裁员 hearings, awards, signing; 书记员 intake,
 * scheduling, records, service, documents; 监察员 the inspection track, correction orders, the
 * police transfer; 调解员 mediation sessions and agreements; 观察员 reads only.
 * Each row names methods the role must reach and methods it must not.
 */
const table: { role: Role; allowed: MethodName[]; forbidden: MethodName[] }[] = [
  {
    role: 'admin',
    allowed: ['accounts.list', 'accounts.create', 'accounts.update', 'accounts.resetPassword', 'settings.update', 'rooms.save', 'cases.get', 'dashboard.get', 'dashboard.export'],
    forbidden: ['cases.create', 'cases.accept', 'award.save', 'award.issue', 'hearings.schedule', 'mediation.setAgreed', 'inspection.open', 'presentation.show', 'documents.generate', 'evidence.addFromPaths'],
  },
  {
    role: 'arbitrator',
    allowed: ['award.save', 'award.issue', 'hearings.attendance', 'hearings.saveRecordStep', 'crossExamination.save', 'closing.close', 'closing.extend', 'mediation.addSession', 'mediation.setAgreed', 'presentation.show', 'presentation.unmask', 'documents.generate', 'evidence.update'],
    forbidden: ['cases.create', 'cases.accept', 'cases.reject', 'hearings.schedule', 'hearings.move', 'inspection.open', 'followUp.policePackage', 'accounts.create', 'settings.update', 'rooms.save'],
  },
  {
    role: 'clerk',
    allowed: ['cases.create', 'cases.accept', 'cases.reject', 'cases.completeMaterials', 'cases.recordService', 'hearings.schedule', 'hearings.move', 'hearings.cancel', 'hearings.recordNotice', 'hearings.saveRecordStep', 'documents.generate', 'documents.generateBatch', 'documents.recordService', 'mediation.addSession', 'mediation.recordPayment', 'mediation.recordSignature', 'award.save', 'evidence.addFromPaths', 'bundle.export', 'closing.close'],
    forbidden: ['award.issue', 'mediation.setAgreed', 'mediation.setOutcome', 'mediation.settleWagesFirst', 'inspection.open', 'inspection.addStep', 'followUp.policePackage', 'accounts.create', 'settings.update', 'rooms.save'],
  },
  {
    role: 'inspector',
    allowed: ['inspection.open', 'inspection.file', 'inspection.addStep', 'inspection.extend', 'inspection.close', 'cases.create', 'followUp.policePackage', 'documents.generate', 'evidence.addFromPaths', 'mediation.addSession', 'mediation.setAgreed', 'bundle.export'],
    forbidden: ['cases.accept', 'award.save', 'award.issue', 'hearings.schedule', 'hearings.saveRecordStep', 'closing.close', 'accounts.create', 'settings.update', 'mediation.convertInspectionAgreement'],
  },
  {
    role: 'mediator',
    allowed: ['mediation.addSession', 'mediation.updateSession', 'mediation.setAgreed', 'mediation.settleWagesFirst', 'mediation.setInstalments', 'mediation.setOutcome', 'mediation.recordPayment', 'mediation.recordSignature', 'mediation.convertInspectionAgreement', 'documents.generate', 'presentation.show', 'evidence.addFromPaths'],
    forbidden: ['award.save', 'award.issue', 'cases.create', 'cases.accept', 'hearings.schedule', 'inspection.open', 'closing.close', 'bundle.export', 'presentation.unmask', 'accounts.create'],
  },
  {
    role: 'observer',
    allowed: ['cases.get', 'cases.search', 'cases.related', 'mediation.get', 'hearings.get', 'hearings.week', 'documents.list', 'evidence.list', 'dashboard.get', 'presentation.current', 'award.get'],
    forbidden: ['evidence.preview', 'documents.exportPdf', 'bundle.export', 'dashboard.export', 'cases.create', 'warnings.refresh', 'accounts.list', 'settings.update'],
  },
];

const account = (role: Role) => ({ id: 1, name: '测试', roles: [role] });

describe('the role table (contract access), per role', () => {
  it.each(table)('$role: reaches what its duties need', ({ role, allowed }) => {
    expect(allowed.filter((m) => !mayCall(contract[m].access, account(role)))).toEqual([]);
  });
  it.each(table)('$role: does not reach what belongs to others', ({ role, forbidden }) => {
    expect(forbidden.filter((m) => mayCall(contract[m].access, account(role)))).toEqual([]);
  });

  it('an observer reaches only methods that read', () => {
    const writes = (Object.keys(contract) as MethodName[]).filter((m) => mayCall(contract[m].access, account('observer')) && !contract[m].reads && contract[m].access !== 'session' && contract[m].access !== 'public');
    expect(writes).toEqual([]);
  });

  it('several roles add up: an arbitrator who is also a clerk accepts cases and issues awards', () => {
    const both = { id: 1, name: '测试', roles: ['arbitrator', 'clerk'] as Role[] };
    expect(['cases.accept', 'award.issue', 'hearings.schedule'].every((m) => mayCall(contract[m as MethodName].access, both))).toBe(true);
  });

  it('every role is used by the table and every method is reached by some role', () => {
    expect(table.map((r) => r.role).sort()).toEqual([...roles].sort());
    const unreachable = (Object.keys(contract) as MethodName[]).filter((m) => !roles.some((r) => mayCall(contract[m].access, account(r))));
    expect(unreachable).toEqual([]);
  });
});
