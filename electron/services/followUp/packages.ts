import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { eq } from 'drizzle-orm';
import yazl from 'yazl';
import { AppFailure } from '../../core/contract';
import { todayInChina } from '../../core/dates';
import { formatYuan } from '../../core/money';
import { cases, exhibits } from '../../../db/schema';
import type { ServiceContext } from '../context';
import { exportBundle } from '../bundle/exportBundle';
import { evidencePath } from '../evidence/store';
import { appendEvent } from '../timeline';
import { assessPolice, readThresholds, workerBalances } from './balances';
import { documentsService, type DocFile } from './documentsPort';
import { ignoredOrders, policeOrders } from './orders';
import { notEnforceableReasons, readEnforcement } from './enforceable';
import { enforcementPartLabels } from '../../core/enforcement';
import { paymentHistoryXlsx, serviceRecordsXlsx, workerListXlsx } from './paymentHistory';
import { resolveCaseWarnings } from './warnings';

export type PackageResult = { path: string; fileName: string; contents: string[] };
type Entry = { name: string; buffer?: Buffer; file?: string };

export function packagesDir(dataDir: string): string {
  return path.join(dataDir, 'packages');
}

const safe = (name: string) => name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim();

/** Unique entry names inside one folder of the zip ("裁决书.docx", "裁决书-2.docx"). */
function docEntries(folder: string, files: DocFile[]): Entry[] {
  const used = new Set<string>();
  return files.map((f) => {
    const ext = path.extname(f.fileName) || '.docx';
    const base = safe(f.title || path.basename(f.fileName, ext));
    let name = `${folder}${base}${ext}`;
    for (let n = 2; used.has(name); n++) name = `${folder}${base}-${n}${ext}`;
    used.add(name);
    return { name, file: f.path };
  });
}

/** Writes the zip to a temporary name and renames it into `<dataDir>/packages/`. */
async function writeZip(ctx: ServiceContext, fileName: string, entries: Entry[]): Promise<string> {
  const dir = packagesDir(ctx.dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const finalPath = path.join(dir, fileName);
  const temp = path.join(dir, `.${crypto.randomBytes(8).toString('hex')}.part`);
  const zip = new yazl.ZipFile();
  const mtime = ctx.now();
  for (const e of entries) {
    if (e.buffer) zip.addBuffer(e.buffer, e.name, { mtime, compress: true });
    else if (e.file) {
      if (!fs.existsSync(e.file)) throw new AppFailure('conflict', `文件缺失，无法打包：${e.name}`);
      zip.addFile(e.file, e.name, { mtime, compress: !/\.(zip|docx|xlsx|pdf|jpe?g|png)$/i.test(e.name) });
    }
  }
  zip.end();
  try {
    await pipeline(zip.outputStream, fs.createWriteStream(temp, { flags: 'wx' }));
    fs.renameSync(temp, finalPath);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw new AppFailure('internal', `生成材料包失败：${error instanceof Error ? error.message : String(error)}`);
  }
  return finalPath;
}

function caseRow(ctx: ServiceContext, caseId: number) {
  const row = ctx.db.select().from(cases).where(eq(cases.id, caseId)).get();
  if (!row) throw new AppFailure('not_found', `案件不存在（编号${caseId}）`);
  return row;
}

function baseName(row: typeof cases.$inferSelect): string {
  return safe(row.caseNumber ?? `${row.receivedOn}-${row.id}`);
}

/**
 * 申请强制执行 package: 强制执行申请书, the effective 调解书/裁决书 (latest version), proof of service
 * (送达回证 + the service records), the payment history, and the case bundle. Resolves the case's
 * open instalment and award warnings as 'enforcement'.
 */
export async function enforcementPackage(ctx: ServiceContext, caseId: number): Promise<PackageResult> {
  const row = caseRow(ctx, caseId);
  const enforcement = readEnforcement(ctx, ctx.db, caseId);
  if (!enforcement.items.length) throw new AppFailure('conflict', '本案尚无调解书或裁决书确定的款项，不能申请强制执行');
  if (enforcement.totalFen <= 0) {
    const reasons = notEnforceableReasons(enforcement);
    throw new AppFailure('conflict', reasons.length ? `暂无可申请强制执行的款项：${reasons.join('；')}` : '生效法律文书确定的款项已全部付清，无需申请强制执行');
  }
  const balances = workerBalances(ctx.db, [caseId]);
  const parts = new Set(enforcement.items.filter((i) => i.enforceableFen > 0).map((i) => i.part));
  const kinds = [...(parts.has('mediation') ? (['mediationDocument', 'partialMediationDocument'] as const) : []), ...(parts.has('final') || parts.has('nonFinal') ? (['award'] as const) : [])];
  const port = documentsService;
  const effective = port.latest(ctx, caseId, kinds);
  if (!effective.length) throw new AppFailure('conflict', `尚未生成${parts.has('mediation') ? '调解书' : '裁决书'}文书，请先在「文书」中生成`);
  const bound = enforcement.respondents
    .filter((r) => r.enforceableFen > 0)
    .map((r) => `${enforcement.chain.find((c) => c.id === r.respondentId)?.name ?? ''}${formatYuan(r.enforceableFen)}`)
    .join('、');
  const instrument = { label: [...parts].map((p) => enforcementPartLabels[p]).join('、') };
  const unpaid = enforcement.totalFen;
  const application = await port.generate(ctx, caseId, 'enforcementApplication');
  const receipts = port.latest(ctx, caseId, ['serviceReceipt']);
  const services = await serviceRecordsXlsx(ctx.db, caseId);
  const history = await paymentHistoryXlsx(ctx.db, caseId, balances);
  const bundle = await exportBundle(ctx, caseId);

  const entries: Entry[] = [
    ...docEntries('01-', application.slice(0, 1).map((f) => ({ ...f, title: '强制执行申请书' }))),
    ...docEntries('02-生效法律文书/', effective),
    ...docEntries('03-送达证明/', receipts),
    { name: '03-送达证明/送达记录.xlsx', buffer: services.buffer },
    { name: '04-履行情况.xlsx', buffer: history },
    { name: `05-案卷包/${bundle.fileName}`, file: bundle.path },
  ];
  const fileName = `${baseName(row)}-强制执行申请材料-${todayInChina(ctx.now())}.zip`;
  const finalPath = await writeZip(ctx, fileName, entries);
  const contents = entries.map((e) => e.name);
  ctx.db.transaction(
    (tx) => {
      const resolved = resolveCaseWarnings(ctx, tx, caseId, ['instalmentOverdue', 'awardUnpaid'], 'enforcement');
      appendEvent(tx, ctx.now(), {
        caseId,
        action: 'followUp.enforcementPackage',
        summary: `生成强制执行申请材料：${fileName}（${contents.length}个文件，${instrument.label}，申请执行${[...enforcement.byWorker.values()].filter((w) => w.enforceableFen > 0).length}名劳动者${formatYuan(unpaid)}；被执行人：${bound}）${resolved ? `；${resolved}条预警转为申请强制执行` : ''}`,
        after: { fileName, contents, resolvedWarnings: resolved },
      });
    },
    { behavior: 'immediate' },
  );
  ctx.emit({ type: 'cases.changed', caseId });
  return { path: finalPath, fileName, contents };
}

/**
 * 移送公安机关 package, only when the amounts reach the province's 拒不支付劳动报酬罪 threshold and an
 * order to pay was ignored: the transfer letter, the order(s), payment history, worker list and the
 * case bundle. Resolves the case's open warnings as 'police'.
 */
export async function policePackage(ctx: ServiceContext, caseId: number): Promise<PackageResult> {
  const row = caseRow(ctx, caseId);
  const today = todayInChina(ctx.now());
  const balances = workerBalances(ctx.db, [caseId]);
  const assessment = assessPolice(balances, readThresholds(ctx.db));
  if (!assessment.eligible) throw new AppFailure('conflict', assessment.message);
  // 法释〔2013〕3号 Art 4: "责令支付" is an order of the labour authority (限期改正指令书, 行政处理决定书);
  // an unpaid award or mediation document goes to the court for enforcement instead.
  const ignored = policeOrders(ignoredOrders(ctx.db, caseId, today, balances));
  if (!ignored.length) {
    throw new AppFailure('conflict', '尚未责令支付：移送公安机关须以“经人社部门责令支付仍不支付”为前提，本案尚无逾期未履行的限期改正指令书（未履行的裁决书、调解书请申请强制执行）');
  }

  const port = documentsService;
  const letter = await port.generate(ctx, caseId, 'policeTransferLetter');
  const orderDocs = port.latest(ctx, caseId, [
    ...(ignored.some((o) => o.kind === 'correctionOrder') ? (['correctionOrder'] as const) : []),
    ...(ignored.some((o) => o.kind === 'award') ? (['award'] as const) : []),
    ...(ignored.some((o) => o.kind === 'mediation') ? (['mediationDocument', 'partialMediationDocument'] as const) : []),
  ]);
  // Scanned orders kept as exhibits (the signed, sealed copy served on the employer).
  const scanned: Entry[] = [];
  for (const o of ignored) {
    if (!o.exhibitId) continue;
    const e = ctx.db.select({ sha: exhibits.fileSha256, fileName: exhibits.fileName }).from(exhibits).where(eq(exhibits.id, o.exhibitId)).get();
    if (e) scanned.push({ name: `02-责令支付文书/${safe(e.fileName)}`, file: evidencePath(ctx.dataDir, e.sha) });
  }
  const orderText = Buffer.from(`\ufeff${ignored.map((o, i) => `${i + 1}. ${o.text}`).join('\r\n')}\r\n${assessment.message}\r\n`, 'utf8');
  const history = await paymentHistoryXlsx(ctx.db, caseId, balances);
  const list = await workerListXlsx(balances);
  const bundle = await exportBundle(ctx, caseId);

  const entries: Entry[] = [
    ...docEntries('01-', letter.slice(0, 1).map((f) => ({ ...f, title: '移送公安机关函' }))),
    ...docEntries('02-责令支付文书/', orderDocs),
    ...scanned,
    { name: '02-责令支付文书/责令支付及逾期情况.txt', buffer: orderText },
    { name: '03-履行情况.xlsx', buffer: history },
    { name: '04-劳动者名单.xlsx', buffer: list },
    { name: `05-案卷包/${bundle.fileName}`, file: bundle.path },
  ];
  const fileName = `${baseName(row)}-移送公安机关材料-${today}.zip`;
  const finalPath = await writeZip(ctx, fileName, entries);
  const contents = entries.map((e) => e.name);
  ctx.db.transaction(
    (tx) => {
      const resolved = resolveCaseWarnings(ctx, tx, caseId, ['instalmentOverdue', 'awardUnpaid', 'correctionOverdue'], 'police');
      appendEvent(tx, ctx.now(), {
        caseId,
        action: 'followUp.policePackage',
        summary: `生成移送公安机关材料：${fileName}（${contents.length}个文件）；${assessment.message}${resolved ? `；${resolved}条预警转为移送公安` : ''}`,
        after: { fileName, contents, resolvedWarnings: resolved, ignored: ignored.map((o) => o.text) },
      });
    },
    { behavior: 'immediate' },
  );
  ctx.emit({ type: 'cases.changed', caseId });
  return { path: finalPath, fileName, contents };
}
