/** Domain vocabulary shared by every layer (names from shared/docs/glossary.md). */

export const channels = ['walkIn', 'hotline12345', 'stateCouncilPlatform', 'inspectionReferral', 'warning'] as const;
export type Channel = (typeof channels)[number];
export const channelLabels: Record<Channel, string> = {
  walkIn: '窗口来访',
  hotline12345: '12345热线',
  stateCouncilPlatform: '国务院根治欠薪线索平台',
  inspectionReferral: '监察移送',
  warning: '隐患预警',
};

export const stages = ['filing', 'mediation', 'hearing', 'closing'] as const;
export type Stage = (typeof stages)[number];
export const stageLabels: Record<Stage, string> = { filing: '快立', mediation: '快调', hearing: '快审', closing: '快结' };

export const caseStatuses = ['received', 'accepted', 'rejected', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];
export const caseStatusLabels: Record<CaseStatus, string> = {
  received: '待受理',
  accepted: '已受理',
  rejected: '不予受理',
  closed: '已结案',
};

export const procedures = ['simplified', 'ordinary'] as const;
export type Procedure = (typeof procedures)[number];
export const procedureLabels: Record<Procedure, string> = { simplified: '简易处理', ordinary: '普通程序' };

export const partyRoles = ['owner', 'generalContractor', 'subcontractor', 'labourSubcontractor', 'teamLeader'] as const;
export type PartyRole = (typeof partyRoles)[number];
export const partyRoleLabels: Record<PartyRole, string> = {
  owner: '建设单位',
  generalContractor: '施工总承包',
  subcontractor: '分包单位',
  labourSubcontractor: '劳务分包',
  teamLeader: '班组长',
};

export const claimTypes = ['unpaidWages', 'overtime', 'compensation', 'damages', 'other'] as const;
export type ClaimType = (typeof claimTypes)[number];
export const claimTypeLabels: Record<ClaimType, string> = {
  unpaidWages: '拖欠工资',
  overtime: '加班费',
  compensation: '经济补偿',
  damages: '赔偿金',
  other: '其他',
};

/** Rules Art 62: 10 or more workers with a common request make a collective dispute. */
export const COLLECTIVE_MIN_WORKERS = 10;

export const tracks = ['arbitration', 'inspection'] as const;
export type Track = (typeof tracks)[number];
export const trackLabels: Record<Track, string> = { arbitration: '仲裁', inspection: '监察' };

export const submitters = ['applicant', 'respondent', 'inspection', 'arbitration', 'housingBureau', 'other'] as const;
export type Submitter = (typeof submitters)[number];
export const submitterLabels: Record<Submitter, string> = {
  applicant: '申请人',
  respondent: '被申请人',
  inspection: '监察调取',
  arbitration: '仲裁调取',
  housingBureau: '住建提供',
  other: '其他',
};

export const inspectionStepKinds = ['inquiryRecord', 'correctionOrder', 'administrativeDecision', 'other'] as const;
export type InspectionStepKind = (typeof inspectionStepKinds)[number];
export const inspectionStepLabels: Record<InspectionStepKind, string> = {
  inquiryRecord: '询问笔录',
  correctionOrder: '限期改正指令书',
  administrativeDecision: '行政处理决定书',
  other: '其他',
};
