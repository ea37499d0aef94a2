// Every document kind the registry has, generated on real cases, its OOXML checked against the
// integer types: spacing, indents, margins, widths are ST_TwipsMeasure / ST_SignedTwipsMeasure and
// font sizes ST_HpsMeasure — whole numbers. A fraction ("289.5") is outside the schema and makes
// Word offer to repair the file. Kinds registered later are covered automatically: the test fails
// when a registered kind is not generatable on any of the prepared cases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentKinds, type DocumentKind } from '../../electron/core/contract';
import { registeredKinds } from '../../electron/documents';
import type { Services } from '../../electron/services/createServices';
import { documentPath } from '../../electron/services/documents/generate';
import { buildEveryDocumentWorld } from '../support/everyDocument';
import { callApi, openTestServices } from '../support/services';
import { zipEntries } from '../support/zip';

/** Attributes whose schema type is an integer (twips, half-points, eighths of a point, widths). */
const INTEGER_ATTRIBUTES = new Set([
  'w:line', 'w:before', 'w:after', 'w:beforeLines', 'w:afterLines', 'w:firstLine', 'w:hanging', 'w:left', 'w:right', 'w:start', 'w:end',
  'w:top', 'w:bottom', 'w:header', 'w:footer', 'w:gutter', 'w:w', 'w:h', 'w:space', 'w:sz', 'w:pos', 'w:gridSpan', 'w:linePitch', 'w:charSpace',
]);
/** Elements whose w:val is an integer measure (font size, kerning, position, spacing between characters). */
const INTEGER_VAL_ELEMENTS = new Set(['w:sz', 'w:szCs', 'w:kern', 'w:position', 'w:spacing', 'w:w', 'w:gridSpan', 'w:outlineLvl']);

/** Every non-integer measure in one XML part, as "element attribute=value". */
export function nonIntegerMeasures(xml: string): string[] {
  const bad: string[] = [];
  for (const element of xml.matchAll(/<(w:[A-Za-z]+)\s([^>]*?)\/?>/g)) {
    const [, name, attrs] = element as unknown as [string, string, string];
    for (const a of attrs.matchAll(/(w:[A-Za-z]+)="([^"]*)"/g)) {
      const [, attr, value] = a as unknown as [string, string, string];
      const checked = attr === 'w:val' ? INTEGER_VAL_ELEMENTS.has(name) : INTEGER_ATTRIBUTES.has(attr);
      // percentages (w:w="50%" with w:type="pct") are the other valid form of a width
      if (checked && !/^-?\d+$/.test(value) && !(attr === 'w:w' && /^\d+(\.\d+)?%$/.test(value))) bad.push(`<${name} ${attr}="${value}">`);
    }
  }
  return bad;
}

let s: Services & { dataDir: string };
let readyOn: Map<DocumentKind, number>;

beforeAll(async () => {
  s = openTestServices();
  readyOn = (await buildEveryDocumentWorld(s)).readyOn;
}, 240_000);
afterAll(() => s?.close());

describe('OOXML integer measures', () => {
  it('the checker itself catches a fractional twip and a fractional size', () => {
    expect(nonIntegerMeasures('<w:spacing w:before="0" w:after="289.5"/><w:sz w:val="21"/><w:sz w:val="10.5"/><w:tcW w:w="50%" w:type="pct"/>')).toEqual([
      '<w:spacing w:after="289.5">',
      '<w:sz w:val="10.5">',
    ]);
  });

  it('every registered kind is generatable on the prepared cases', () => {
    const kinds = registeredKinds();
    // every kind of the contract has a builder, and each one is ready on some prepared case
    expect([...documentKinds].filter((k) => !kinds.includes(k))).toEqual([]);
    expect(kinds.filter((k) => !readyOn.has(k))).toEqual([]);
  });

  it('every generated document of every kind has whole twips and whole half-points only', async () => {
    const problems: string[] = [];
    for (const kind of registeredKinds()) {
      const caseId = readyOn.get(kind);
      if (caseId === undefined) continue;
      const views = await callApi(s, 'documents.generate', { caseId, kind });
      for (const view of views) {
        const parts = [...(await zipEntries(documentPath(s.dataDir, view))).entries()].filter(([name]) => /^word\/.*\.xml$/.test(name));
        expect(parts.map(([name]) => name)).toContain('word/document.xml');
        for (const [part, xml] of parts) {
          for (const bad of nonIntegerMeasures(xml.toString('utf8'))) problems.push(`${kind} ${view.title} ${part}: ${bad}`);
        }
      }
    }
    expect(problems).toEqual([]);
  }, 240_000);
});
