// Masking of personal data for the shared screen (共享屏幕). Pure functions: the backend applies
// them before anything leaves for the screen, and the operator's private preview applies the same
// functions so that the preview looks exactly like the screen.

/** The fields the operator may unmask for a moment (PresentationState.unmasked.field). */
export type MaskableField = 'idNumber' | 'phone' | 'bankCard' | 'address';

export const maskableFieldLabels: Record<MaskableField, string> = {
  idNumber: '身份证号码',
  phone: '手机号码',
  bankCard: '银行卡号',
  address: '住址',
};

const STAR = '*';

function compact(value: string | null | undefined): string {
  return String(value ?? '')
    .replace(/[\s\u3000]/g, '')
    .replace(/[０-９Ｘｘ]/g, (c) => (c === 'Ｘ' || c === 'ｘ' ? 'X' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/**
 * 身份证号码: keep the first 6 (region) and the last 4 → 360702********6341. A 15-digit (first
 * generation) number keeps the same ends. Anything too short to keep both ends shows only stars
 * (and at most its last 2), so a mistyped fragment never leaks whole.
 */
export function maskIdNumber(value: string | null | undefined): string {
  const s = compact(value).toUpperCase();
  if (!s) return '';
  if (s.length >= 15) return s.slice(0, 6) + STAR.repeat(s.length - 10) + s.slice(-4);
  if (s.length <= 4) return STAR.repeat(s.length);
  return STAR.repeat(s.length - 2) + s.slice(-2);
}

/**
 * 手机号码: keep the first 3 and the last 4 → 139****1234 (+86 and separators dropped).
 * A landline keeps its area code and last 4 → 0797-****4567.
 */
export function maskPhone(value: string | null | undefined): string {
  let s = compact(value).replace(/[-‐‑‒–—―－()（）]/g, '');
  if (!s) return '';
  if (s.startsWith('+86')) s = s.slice(3);
  else if (s.startsWith('0086')) s = s.slice(4);
  if (/^1\d{10}$/.test(s)) return `${s.slice(0, 3)}****${s.slice(-4)}`;
  if (/^0\d{9,11}$/.test(s)) {
    const area = /^0(10|2\d)/.test(s) ? 3 : 4;
    return `${s.slice(0, area)}-${STAR.repeat(s.length - area - 4)}${s.slice(-4)}`;
  }
  if (s.length >= 8) return s.slice(0, 3) + STAR.repeat(s.length - 7) + s.slice(-4);
  return STAR.repeat(s.length);
}

/** 银行卡号: the last 4 only → 尾号1234. */
export function maskBankCard(value: string | null | undefined): string {
  const s = compact(value).replace(/[-]/g, '');
  if (!s) return '';
  if (s.length <= 4) return STAR.repeat(s.length);
  return `尾号${s.slice(-4)}`;
}

// Address levels. A name is a short run of characters that are not themselves a level suffix or a
// street-level word (镇/乡/街/路/号 …), so "赣州市章贡区红旗大道" splits as 赣州市 | 章贡区 | 红旗大道.
const NAME = '[^省市区县旗盟镇乡街路道村组号巷弄栋幢楼室园苑院厦场0-9]';
/** A level is never followed straight by a street word: 红旗大道 is a road, not the 红 banner. */
const NOT_STREET = '(?!大道|大街|路|街|道|巷|弄|号)';
const PROVINCE = new RegExp(`^(?:(?:北京|上海|天津|重庆)市|${NAME}{1,10}?(?:省|自治区|特别行政区))${NOT_STREET}`);
const MUNICIPALITY = /^(?:北京|上海|天津|重庆)市$/;
const CITY = new RegExp(`^${NAME}{1,10}?(?:自治州|地区|盟|市)${NOT_STREET}`);
/** 市辖区 / 县 as a level of their own (as in the national division codes): kept, then the district follows. */
const PLACEHOLDER = /^(?:市辖区|县)(?=.)/;
const COUNTY = new RegExp(`^${NAME}{1,12}?(?:自治县|自治旗|林区|特区|区|县|旗|市)${NOT_STREET}`);
export const ADDRESS_MASK = '…';

/**
 * 住址: keep the province, city and district / county (区、县、旗、自治县、县级市) and hide the rest
 * → 江西省赣州市章贡区…. Works without a province (赣州市南康区…) or a city (南康区…). When no
 * district-level part can be found only the province and city are kept; when nothing is
 * recognised, nothing is shown.
 */
export function maskAddress(value: string | null | undefined): string {
  const s = compact(value);
  if (!s) return '';
  let kept = '';
  let rest = s;
  const take = (re: RegExp): string | null => {
    const m = re.exec(rest);
    if (!m) return null;
    kept += m[0];
    rest = rest.slice(m[0].length);
    return m[0];
  };
  const province = take(PROVINCE);
  if (!province || !MUNICIPALITY.test(province)) {
    // A county-level city directly under a province (e.g. 江西省瑞金市象湖镇) is read as the
    // city here; the next part then decides whether it was the district level.
    const city = take(CITY);
    if (city && !take(PLACEHOLDER) && !COUNTY.test(rest)) {
      return rest ? kept + ADDRESS_MASK : kept;
    }
  } else {
    take(PLACEHOLDER);
  }
  take(COUNTY);
  if (!kept) return ADDRESS_MASK;
  return rest ? kept + ADDRESS_MASK : kept;
}

/** One field, masked the way the shared screen shows it. */
export function maskField(field: MaskableField, value: string | null | undefined): string {
  switch (field) {
    case 'idNumber':
      return maskIdNumber(value);
    case 'phone':
      return maskPhone(value);
    case 'bankCard':
      return maskBankCard(value);
    case 'address':
      return maskAddress(value);
  }
}

export type Unmasked = { field: MaskableField; workerId: number | null; until: string } | null;

/** Whether the operator's temporary unmask is still running at `now` for this field and worker. */
export function isUnmasked(unmasked: Unmasked, field: MaskableField, workerId: number | null, now: Date): boolean {
  if (!unmasked || unmasked.field !== field) return false;
  if (Date.parse(unmasked.until) <= now.getTime()) return false;
  return unmasked.workerId === null || unmasked.workerId === workerId;
}

/** The value as the shared screen shows it: masked, unless the operator unmasked exactly this field now. */
export function screenValue(field: MaskableField, value: string | null | undefined, workerId: number | null, unmasked: Unmasked, now: Date): string {
  if (!value) return '';
  return isUnmasked(unmasked, field, workerId, now) ? value : maskField(field, value);
}

// ── Observers (观察员) ────────────────────────────────────────────────────────────────────────────
// An observer's every answer is masked by the dispatcher, whatever the method: the four fields by
// name, birth dates (they are the middle of an ID number) hidden, and ID, mobile and bank-card
// numbers written inside any other text (a note, a summary) masked where they stand.

const FIELD_KEYS: Record<string, MaskableField> = { idNumber: 'idNumber', phone: 'phone', bankCard: 'bankCard', address: 'address' };
const HIDDEN_KEYS = new Set(['birthDate']);
const IN_TEXT: [RegExp, (s: string) => string][] = [
  [/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g, maskIdNumber],
  [/(?<![0-9A-Za-z])\d{15}(?![0-9A-Za-z])/g, maskIdNumber],
  [/(?<![0-9A-Za-z])(?:\+?86)?1[3-9]\d{9}(?![0-9A-Za-z])/g, maskPhone],
  [/(?<![0-9A-Za-z])\d{16,19}(?![0-9A-Za-z])/g, maskBankCard],
];

/** ID, mobile and bank-card numbers inside free text, masked in place. */
export function maskNumbersInText(text: string): string {
  if (!/\d{11}/.test(text)) return text;
  return IN_TEXT.reduce((s, [pattern, mask]) => s.replace(pattern, (m) => mask(m)), text);
}

/** A copy of any service answer as an observer may see it (objects and arrays walked, nothing else changed). */
export function maskForObserver<T>(value: T): T {
  return walk(value, null) as T;
}

function walk(value: unknown, key: string | null): unknown {
  if (typeof value === 'string') {
    if (key !== null && FIELD_KEYS[key]) return maskField(FIELD_KEYS[key], value);
    if (key !== null && HIDDEN_KEYS.has(key)) return '';
    return maskNumbersInText(value);
  }
  if (Array.isArray(value)) return value.map((item) => walk(item, null));
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = walk(v, k);
    return out;
  }
  return value;
}
