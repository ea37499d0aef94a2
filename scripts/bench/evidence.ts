/**
 * Evidence import of one M MiB file (default 512) through the dispatcher (evidence.addFromPaths,
 * as the desktop host after the file dialog), beside its floor: the slower of hashing the file in
 * Node (SHA-256, streamed) and copying it durably (dd conv=fsync). Peak memory is sampled. The
 * import runs inside a transaction that is rolled back and its stored file is removed, so the
 * folder is left as it was.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import type { Services } from '../../electron/services/createServices';
import { dispatch } from '../../electron/services/dispatch';
import { systemCaller } from '../../electron/services/caller';
import { evidencePath } from '../../electron/services/evidence/store';
import { percentile, printTable, floorNote, type Row } from './measure';

/** Streams `mib` MiB of random bytes to `file` (memory stays flat). */
async function writeRandomFile(file: string, mib: number): Promise<void> {
  const out = fs.createWriteStream(file);
  const block = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < mib; i++) {
    crypto.randomFillSync(block);
    if (!out.write(Buffer.from(block))) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

async function hashInNode(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  await pipeline(fs.createReadStream(file, { highWaterMark: 4 * 1024 * 1024 }), hash);
  return hash.digest('hex');
}

/** Resident memory sampled every 20 ms while `work` runs: the highest sample. */
async function sampled<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; peakRss: number }> {
  let peakRss = process.memoryUsage().rss;
  const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  try {
    const value = await work();
    return { value, ms: performance.now() - t0, peakRss: Math.max(peakRss, process.memoryUsage().rss) };
  } finally {
    clearInterval(timer);
  }
}

export async function benchEvidence(services: Services, mib: number, runs: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(services.ctx.dataDir, '.bench-evidence-'));
  const source = path.join(dir, `证据录像-${mib}MiB.bin`);
  const copy = path.join(dir, 'copy.bin');
  const client = services.ctx.db.$client;
  const caseId = services.ctx.db.get<{ id: number }>(sql`select id from cases order by id limit 1`)?.id;
  if (!caseId) throw new Error('数据目录中没有案件，无法导入证据');
  const caller = { ...systemCaller('electron', '基准测试'), takeGrantedPaths: () => true };
  try {
    console.log(`\n证据导入：${mib} MiB 随机数据（文件与数据目录在同一磁盘：${dir}）`);
    await writeRandomFile(source, mib);
    const hashes: number[] = [];
    const copies: number[] = [];
    const imports: number[] = [];
    let peak = 0;
    let expected = '';
    const rssBefore = process.memoryUsage().rss;
    for (let r = 0; r < runs; r++) {
      const h = await sampled(() => hashInNode(source));
      hashes.push(h.ms);
      expected = h.value;
      fs.rmSync(copy, { force: true });
      const t0 = performance.now();
      const dd = spawnSync('dd', [`if=${source}`, `of=${copy}`, 'bs=4M', 'conv=fsync'], { encoding: 'utf8' });
      if (dd.status !== 0) throw new Error(`dd 失败：${dd.stderr}`);
      copies.push(performance.now() - t0);
      fs.rmSync(copy, { force: true });

      client.exec('begin immediate');
      try {
        const imported = await sampled(async () => {
          const result = await dispatch(services.handlers, 'evidence.addFromPaths', { caseId, paths: [source], track: 'arbitration', submittedBy: 'applicant' }, caller);
          if (!result.ok) throw new Error(result.error.message);
          return result.value as { sha256: string }[];
        });
        imports.push(imported.ms);
        peak = Math.max(peak, imported.peakRss);
        if (imported.value[0]?.sha256 !== expected) throw new Error(`哈希不一致：${imported.value[0]?.sha256} ≠ ${expected}`);
      } finally {
        client.exec('rollback');
        fs.rmSync(evidencePath(services.ctx.dataDir, expected), { force: true });
      }
    }
    const med = (xs: number[]) => percentile(xs, 50);
    const floor = Math.max(med(hashes), med(copies));
    const rate = (ms: number) => `${(mib / (ms / 1000)).toFixed(0)} MiB/s`;
    const rows: Row[] = [
      { label: 'evidence.addFromPaths（哈希+写入+fsync+入库）', median: med(imports), p95: percentile(imports, 95), floor, goal: '比值≤1.25', result: `${rate(med(imports))}，峰值 RSS ${(peak / 1048576).toFixed(0)} MB（导入前 ${(rssBefore / 1048576).toFixed(0)} MB）` },
      { label: 'Node SHA-256（流式读取）', median: med(hashes), p95: percentile(hashes, 95), floor: null, result: rate(med(hashes)) },
      { label: 'dd bs=4M conv=fsync（复制并落盘）', median: med(copies), p95: percentile(copies, 95), floor: null, result: rate(med(copies)) },
    ];
    printTable(`证据导入（每项 ${runs} 次；毫秒）`, rows);
    floorNote('Node 中计算 SHA-256 与 dd conv=fsync 复制两者中较慢的一个（各取中位数）');
    console.log(`  SHA-256 ${expected}（导入结果一致）`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
