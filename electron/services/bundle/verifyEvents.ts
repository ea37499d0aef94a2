import { formatChineseDate, todayInChina } from '../../core/dates';
import { eventHash } from '../audit/eventHash';
import type { BundleManifest } from './manifest';
import { refuse } from './readBundle';

type BundleEvent = BundleManifest['events'][number];

const label = (e: BundleEvent, i: number) => `第 ${i + 1} 条（${formatChineseDate(todayInChina(new Date(e.at)))}，${e.actor}：${e.summary.slice(0, 40)}）`;

/**
 * Checks the timeline a bundle carries against its hashes before anything is stored: each event's
 * hash is recomputed from its content (the case's uid as in the manifest), and the events of the
 * case must link one to the next (casePrevHash) in increasing chain order — so an event edited,
 * removed from the middle, inserted or moved after export is refused, naming it. A version 1
 * bundle has no hashes: it is read, and the report says its timeline could not be verified.
 */
export function verifyBundleEvents(m: BundleManifest): string {
  if (!m.events.length) return '案卷包中没有时间线记录';
  if (m.version === 1) return `案卷包为第 1 版（导出时尚无核验链），时间线 ${m.events.length} 条记录未能核对`;
  let previous: { hash: string; seq: number } | null = null;
  for (const [i, e] of m.events.entries()) {
    if (e.hash === undefined || e.seq === undefined || e.prevHash === undefined) throw refuse(`时间线${label(e, i)}没有哈希`);
    const recomputed = eventHash({
      seq: e.seq,
      prevHash: e.prevHash,
      casePrevHash: e.casePrevHash ?? null,
      caseUid: m.case.uid,
      at: e.at,
      actor: e.actor,
      actorId: e.actorId ?? null,
      action: e.action,
      summary: e.summary,
      before: e.before,
      after: e.after,
      rowsDigest: e.rowsDigest ?? null,
      sourceHash: e.sourceHash ?? null,
    });
    if (recomputed !== e.hash) throw refuse(`时间线${label(e, i)}与其哈希不符：导出后内容被改动`);
    if (!previous && e.casePrevHash) throw refuse(`时间线${label(e, i)}之前的记录缺失：导出后有记录被删除`);
    if (previous && ((e.casePrevHash ?? null) !== previous.hash || e.seq <= previous.seq)) {
      throw refuse(`时间线${label(e, i)}与前一条记录接不上：导出后有记录被删除、插入或调换了顺序`);
    }
    previous = { hash: e.hash, seq: e.seq };
  }
  return `时间线 ${m.events.length} 条记录的哈希全部核对无误（最后一条 ${previous!.hash.slice(0, 12)}…）`;
}
