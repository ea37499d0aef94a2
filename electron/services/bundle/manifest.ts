import { z } from 'zod';
import { birthDate, date } from '../../core/contract';
import { MAX_AMOUNT_FEN } from '../../core/money';
import { caseStatuses, channels, claimTypes, inspectionStepKinds, partyRoles, procedures, stages, submitters, tracks } from '../../core/domain';

/**
 * The case bundle's manifest.json, version 2 (documented in README "案卷包格式 / Case bundle format").
 * Version 2 adds the audit chain's fields to each event (its hash and what the hash covers);
 * version 1 bundles (events without hashes) are still read, and the import report says so.
 * Organisations are referred to by a key local to the manifest ("o1", "o2"…); workers by ID number;
 * exhibits by their uid; evidence files by SHA-256 (lower-case hex), stored as evidence/<sha256>.
 */
export const BUNDLE_FORMAT = 'sucai-case-bundle';
export const BUNDLE_VERSION = 2;
export const MANIFEST_ENTRY = 'manifest.json';
export const INDEX_ENTRY = '证据目录.docx';
export const EVIDENCE_PREFIX = 'evidence/';

const instant = z.string().min(10).max(40);
const fen = z.number().int().min(0).max(MAX_AMOUNT_FEN * 10_000);
const str = (max: number) => z.string().max(max);
const opt = (max: number) => z.string().max(max).nullable();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 应为 64 位小写十六进制');
const key = z.string().min(1).max(20);

export const manifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT, '不是速裁台案卷包（format 应为 sucai-case-bundle）'),
  version: z.union([z.literal(1), z.literal(BUNDLE_VERSION)], '案卷包版本不受支持（本程序读取第 1、2 版）'),
  exportedAt: instant,
  exportedBy: z.object({ commission: str(120), operator: str(60) }),
  case: z.object({
    uid: z.string().min(8).max(64),
    caseNumber: opt(80),
    caseYear: z.number().int().nullable(),
    caseSeq: z.number().int().nullable(),
    channel: z.enum(channels),
    stage: z.enum(stages),
    status: z.enum(caseStatuses),
    procedure: z.enum(procedures),
    isCollective: z.boolean(),
    cause: str(60),
    hasArbitration: z.boolean(),
    receivedOn: date,
    acceptedOn: date.nullable(),
    acceptedWithGaps: z.boolean(),
    materialsPromise: opt(2000),
    materialsCompletedOn: date.nullable(),
    rejectedOn: date.nullable(),
    rejectionReason: opt(2000),
    respondentServedOn: date.nullable(),
    awardExtensionDays: z.number().int().min(0).max(60),
    closedOn: date.nullable(),
    workerCount: z.number().int().min(0),
    claimedTotalFen: fen,
    createdAt: instant,
    updatedAt: instant,
  }),
  organisations: z
    .array(
      z.object({
        key,
        kind: z.enum(['company', 'person']),
        name: str(200).min(1),
        creditCode: opt(30),
        idNumber: opt(30),
        legalRepresentative: opt(60),
        address: opt(300),
        phone: opt(60),
      }),
    )
    .max(1000),
  project: z
    .object({
      name: str(200).min(1),
      address: opt(300),
      permitNumber: opt(80),
      contractPriceFen: fen.nullable(),
      chain: z.array(z.object({ organisationKey: key, role: z.enum(partyRoles), contractedByKey: key.nullable() })).max(1000),
    })
    .nullable(),
  respondents: z.array(z.object({ organisationKey: key, role: z.enum(partyRoles), sortOrder: z.number().int() })).max(1000),
  workers: z
    .array(
      z.object({
        sortOrder: z.number().int(),
        name: str(60).min(1),
        nameInitials: str(60),
        idNumber: str(30).min(1),
        sex: z.enum(['male', 'female']).nullable(),
        birthDate: birthDate.nullable(),
        phone: opt(40),
        jobType: opt(60),
        team: opt(60),
        daysWorked: z.number().nullable(),
        dailyWageFen: fen.nullable(),
        dueFen: fen.nullable(),
        paidFen: fen.nullable(),
        owedFen: fen,
        bankCard: opt(40),
        note: opt(1000),
        isRepresentative: z.boolean(),
      }),
    )
    .max(5000),
  claimItems: z.array(z.object({ workerIdNumber: str(30), type: z.enum(claimTypes), amountFen: fen, note: opt(500) })).max(50000),
  missingMaterials: z.array(z.object({ name: str(200).min(1), completedOn: date.nullable() })).max(1000),
  inspection: z
    .object({
      complaintNumber: opt(80),
      complaintReceivedOn: date,
      filedOn: date.nullable(),
      inspectors: str(400),
      investigationExtended: z.boolean(),
      closedOn: date.nullable(),
      steps: z
        .array(
          z.object({
            kind: z.enum(inspectionStepKinds),
            date,
            title: str(200),
            payBy: date.nullable(),
            note: opt(4000),
            exhibitUid: z.string().max(64).nullable(),
          }),
        )
        .max(1000),
    })
    .nullable(),
  exhibits: z
    .array(
      z.object({
        uid: z.string().min(8).max(64),
        seq: z.number().int().min(1),
        title: str(200).min(1),
        fileName: str(400).min(1),
        sha256,
        size: z.number().int().min(0),
        mime: str(200),
        extension: opt(20),
        pageCount: z.number().int().min(0).nullable(),
        submittedBy: z.enum(submitters),
        collectedBy: opt(120),
        receivedOn: date,
        purposeOfProof: str(4000),
        originalSeen: z.boolean(),
        track: z.enum(tracks),
        recognisedBy: opt(120),
        recognisedAt: instant.nullable(),
        crossExaminedOn: date.nullable(),
        createdAt: instant,
      }),
    )
    .max(10000),
  events: z
    .array(
      z.object({
        at: instant,
        actor: str(60),
        action: str(80),
        summary: str(4000),
        before: z.string().max(100_000).nullable(),
        after: z.string().max(100_000).nullable(),
        // version 2: the audit chain (electron/services/audit/eventHash.ts)
        seq: z.number().int().min(1).optional(),
        prevHash: sha256.optional(),
        casePrevHash: sha256.nullable().optional(),
        actorId: z.number().int().nullable().optional(),
        rowsDigest: sha256.nullable().optional(),
        sourceHash: sha256.nullable().optional(),
        hash: sha256.optional(),
      }),
    )
    .max(100_000),
});

export type BundleManifest = z.infer<typeof manifestSchema>;
export type ManifestExhibit = BundleManifest['exhibits'][number];
export type ManifestWorker = BundleManifest['workers'][number];
export type ManifestOrganisation = BundleManifest['organisations'][number];
