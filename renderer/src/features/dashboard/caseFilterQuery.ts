import type { z } from 'zod';
import type { caseSearchSchema } from '../../../../electron/core/contract';
import { caseStatusLabels, caseStatuses, channelLabels, channels, stageLabels, stages } from '../../../../electron/core/domain';
import { awardFinalityLabels, closingMethodLabels } from './labels';

/** The filters a dashboard figure can hand to the case list through the hash query. */
export type LinkFilter = Partial<Pick<
  z.input<typeof caseSearchSchema>,
  | 'status'
  | 'receivedFrom'
  | 'receivedTo'
  | 'closedFrom'
  | 'closedTo'
  | 'closingMethod'
  | 'awardFinality'
  | 'closedOnTime'
  | 'mediatedOrWithdrawn'
  | 'closedWithinFastTrack'
  | 'hasDaysToClose'
  | 'stage'
  | 'channel'
  | 'due'
>>;
export type LinkFilterKey = keyof LinkFilter;

const KEYS: LinkFilterKey[] = [
  'status',
  'receivedFrom',
  'receivedTo',
  'closedFrom',
  'closedTo',
  'closingMethod',
  'awardFinality',
  'closedOnTime',
  'mediatedOrWithdrawn',
  'closedWithinFastTrack',
  'hasDaysToClose',
  'stage',
  'channel',
  'due',
];
/** The yes/no filters, with the chip each value shows. */
const FLAGS = {
  closedOnTime: ['按期结案', '未按期结案'],
  mediatedOrWithdrawn: ['调解或撤回结案', '非调撤结案'],
  closedWithinFastTrack: ['速裁目标内结案', '超出速裁目标结案'],
  hasDaysToClose: ['记有结案天数', '未记结案天数'],
} as const satisfies Partial<Record<LinkFilterKey, readonly [string, string]>>;
const FLAG_KEYS = Object.keys(FLAGS) as (keyof typeof FLAGS)[];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `#/cases?closedFrom=2026-01-01&closingMethod=mediation` for a cases.search filter. */
export function casesHref(filter: Record<string, unknown> | null | undefined): string {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = filter?.[key];
    if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `#/cases?${query}` : '#/cases';
}

/** Reads (and validates) the filter from a hash such as `#/cases?closedFrom=…`; unknown values are dropped. */
export function parseCaseFilter(hash: string): LinkFilter {
  const at = hash.indexOf('?');
  if (at < 0) return {};
  const params = new URLSearchParams(hash.slice(at + 1));
  const out: LinkFilter = {};
  const date = (key: 'receivedFrom' | 'receivedTo' | 'closedFrom' | 'closedTo') => {
    const v = params.get(key);
    if (v && DATE.test(v)) out[key] = v;
  };
  date('receivedFrom');
  date('receivedTo');
  date('closedFrom');
  date('closedTo');
  const status = params.get('status');
  if (status && (caseStatuses as readonly string[]).includes(status)) out.status = status as LinkFilter['status'];
  const method = params.get('closingMethod');
  if (method && Object.hasOwn(closingMethodLabels, method)) out.closingMethod = method as LinkFilter['closingMethod'];
  const finality = params.get('awardFinality');
  if (finality && Object.hasOwn(awardFinalityLabels, finality)) out.awardFinality = finality as LinkFilter['awardFinality'];
  for (const key of FLAG_KEYS) {
    const flag = params.get(key);
    if (flag === 'true' || flag === 'false') out[key] = flag === 'true';
  }
  const stage = params.get('stage');
  if (stage && (stages as readonly string[]).includes(stage)) out.stage = stage as LinkFilter['stage'];
  const channel = params.get('channel');
  if (channel && (channels as readonly string[]).includes(channel)) out.channel = channel as LinkFilter['channel'];
  const due = params.get('due');
  if (due === 'overdue' || due === 'soon') out.due = due;
  return out;
}

/** One removable chip per filter (from/to of the same date pair are one chip). */
export function filterChips(filter: LinkFilter): { keys: LinkFilterKey[]; label: string }[] {
  const chips: { keys: LinkFilterKey[]; label: string }[] = [];
  const range = (name: string, from: LinkFilterKey, to: LinkFilterKey) => {
    const a = filter[from] as string | undefined;
    const b = filter[to] as string | undefined;
    if (a && b) chips.push({ keys: [from, to], label: `${name} ${a} 至 ${b}` });
    else if (a) chips.push({ keys: [from], label: `${name} ${a} 起` });
    else if (b) chips.push({ keys: [to], label: `${name} 至 ${b}` });
  };
  range('收案', 'receivedFrom', 'receivedTo');
  range('结案', 'closedFrom', 'closedTo');
  if (filter.status) chips.push({ keys: ['status'], label: `状态：${caseStatusLabels[filter.status]}` });
  if (filter.closingMethod) chips.push({ keys: ['closingMethod'], label: `结案方式：${closingMethodLabels[filter.closingMethod]}` });
  if (filter.awardFinality) chips.push({ keys: ['awardFinality'], label: awardFinalityLabels[filter.awardFinality] });
  for (const key of FLAG_KEYS) {
    const flag = filter[key];
    if (flag != null) chips.push({ keys: [key], label: FLAGS[key][flag ? 0 : 1] });
  }
  if (filter.stage) chips.push({ keys: ['stage'], label: `阶段：${stageLabels[filter.stage]}` });
  if (filter.channel) chips.push({ keys: ['channel'], label: `来源：${channelLabels[filter.channel]}` });
  if (filter.due) chips.push({ keys: ['due'], label: filter.due === 'overdue' ? '已超期' : '3日内到期' });
  return chips;
}

export function withoutKeys(filter: LinkFilter, keys: LinkFilterKey[]): LinkFilter {
  const next = { ...filter };
  for (const k of keys) delete next[k];
  return next;
}
