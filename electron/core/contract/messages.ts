/**
 * Chinese validation messages for every zod schema, as a mechanism rather than per-schema strings:
 * a global error map (installed here with z.config, so any schema parsed anywhere gets it, the
 * renderer's included) says what is wrong in plain Chinese, and describeZodError puts the field's
 * Chinese name in front (labels.ts, or the field's own `.meta({ title })`): "第4名申请人的身份证号码：
 * 不能超过40个字". A schema's own message (`.min(1, '请填写姓名')`) still wins.
 */
import { z } from 'zod';
import { fieldLabels, type FieldLabel } from './labels';

type Issue = z.core.$ZodRawIssue;

const typeNames: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '“是”或“否”',
  array: '列表',
  object: '一组内容',
  date: '日期',
  bigint: '整数',
};

function tooBig(issue: Extract<Issue, { code: 'too_big' }>): string {
  const max = Number(issue.maximum);
  switch (issue.origin) {
    case 'string':
      return `不能超过${max}个字`;
    case 'array':
    case 'set':
      return `最多${max}项`;
    default:
      if (max >= Number.MAX_SAFE_INTEGER) return '数值过大';
      return issue.inclusive ? `不能大于${max}` : `须小于${max}`;
  }
}

function tooSmall(issue: Extract<Issue, { code: 'too_small' }>): string {
  const min = Number(issue.minimum);
  switch (issue.origin) {
    case 'string':
      return min <= 1 ? '不能为空' : `至少${min}个字`;
    case 'array':
    case 'set':
      return min <= 1 ? '至少需要一项' : `至少需要${min}项`;
    default:
      if (min <= Number.MIN_SAFE_INTEGER) return '数值过小';
      return issue.inclusive ? `不能小于${min}` : `须大于${min}`;
  }
}

/** The global error map: every issue zod raises, in Chinese, without type names or patterns. */
export function chineseIssueMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return '未填写';
      return `应为${typeNames[issue.expected] ?? '正确的格式'}`;
    }
    case 'too_big':
      return tooBig(issue);
    case 'too_small':
      return tooSmall(issue);
    case 'invalid_value':
      return issue.values.length === 1 ? '取值不正确' : '不是可选的值，请从列表中选择';
    case 'invalid_union':
      return 'discriminator' in issue ? '类型不是可选的值' : '格式不正确';
    case 'invalid_format':
      return '格式不正确';
    case 'not_multiple_of':
      return '数值不正确';
    case 'unrecognized_keys':
      return '包含无法识别的内容';
    case 'invalid_key':
    case 'invalid_element':
      return '包含不正确的内容';
    default:
      return '格式不正确';
  }
}

z.config({ localeError: (issue) => chineseIssueMessage(issue as Issue) });

/** The schema inside optional / nullable / default / pipe wrappers, and the first title met on the way. */
function unwrap(schema: z.ZodType | undefined): { inner: z.ZodType | undefined; title: string | undefined } {
  let title: string | undefined;
  let current = schema;
  for (let depth = 0; current && depth < 20; depth++) {
    title ??= z.globalRegistry.get(current)?.title;
    const def = (current as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
    if (['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional', 'success'].includes(def.type)) current = def.innerType as z.ZodType;
    else if (def.type === 'pipe') current = def.in as z.ZodType;
    else if (def.type === 'lazy') current = (def.getter as () => z.ZodType)();
    else break;
  }
  return { inner: current, title };
}

function child(schema: z.ZodType | undefined, segment: PropertyKey): z.ZodType | undefined {
  const { inner } = unwrap(schema);
  if (!inner) return undefined;
  const def = (inner as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  if (def.type === 'object' && typeof segment === 'string') return (def.shape as Record<string, z.ZodType>)[segment];
  if (def.type === 'array') return def.element as z.ZodType;
  if (def.type === 'union') {
    for (const option of def.options as z.ZodType[]) {
      const found = child(option, segment);
      if (found) return found;
    }
  }
  return undefined;
}

/** The Chinese label of a key: its schema's title, then `parent.key`, then `key`. */
export function labelOf(key: string, parent: string | undefined, schema?: z.ZodType): FieldLabel | undefined {
  const title = unwrap(schema).title;
  if (title) return title;
  return (parent !== undefined ? fieldLabels[`${parent}.${key}`] : undefined) ?? fieldLabels[key];
}

/** `['workers', 3, 'idNumber']` → 第4名申请人的身份证号码 (fields without a name are left out). */
export function describePath(path: readonly PropertyKey[], root?: z.ZodType): string {
  const parts: string[] = [];
  let schema = root;
  let parent: string | undefined;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    schema = child(schema, segment as PropertyKey);
    if (typeof segment !== 'string') {
      if (i === 0) parts.push(`第${Number(segment) + 1}项`);
      continue;
    }
    const label = labelOf(segment, parent, schema);
    parent = segment;
    const next = path[i + 1];
    const text = typeof label === 'string' ? label : label?.label;
    if (typeof next === 'number') {
      const counter = typeof label === 'object' ? label.counter : '项';
      if (text || counter) parts.push(`第${next + 1}${counter}${text ?? ''}`);
      const element = child(schema, next);
      schema = element;
      i++;
    } else if (text) parts.push(text);
  }
  return parts.join('的');
}

/**
 * Turns a zod error into one Chinese line naming each field. `schema` (the one that was parsed)
 * lets fields carry their own titles. `technical`: name fields by their keys (a file format such
 * as a bundle manifest, whose field names are documented).
 */
export function describeZodError(error: z.ZodError, schema?: z.ZodType, options: { technical?: boolean } = {}): string {
  const lines = new Set<string>();
  for (const issue of error.issues) {
    const where = options.technical ? issue.path.map(String).join('.') : describePath(issue.path, schema);
    // a message that already names its field ("密码至少 8 位") is not prefixed again
    lines.add(where && !issue.message.startsWith(where) ? `${where}：${issue.message}` : issue.message);
  }
  const shown = [...lines].slice(0, 5);
  return shown.join('；') + (lines.size > shown.length ? `；另有${lines.size - shown.length}处问题` : '');
}
