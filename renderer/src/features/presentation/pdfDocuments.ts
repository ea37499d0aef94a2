import type { PDFDocumentProxy } from 'pdfjs-dist';
import { loadPdfJs } from '../../ui/pdfJs';

const documents = new Map<string, Promise<PDFDocumentProxy>>();
const MAX_OPEN = 4;

/**
 * Open PDFs kept by URL, so that turning to another page of the exhibit on the screen does not
 * fetch and parse the file again (the screen must follow within half a second).
 */
export function openPdf(url: string): Promise<PDFDocumentProxy> {
  let doc = documents.get(url);
  if (!doc) {
    doc = loadPdfJs().then((pdfjs) => pdfjs.getDocument({ url, isEvalSupported: false }).promise);
    doc.catch(() => documents.delete(url));
    documents.set(url, doc);
    while (documents.size > MAX_OPEN) {
      const [oldest, old] = documents.entries().next().value!;
      documents.delete(oldest);
      void old.then((d) => d.destroy(), () => undefined);
    }
  }
  return doc;
}

const TINY_PDF =
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
  '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';

/**
 * The screen gets pdf.js ready while it waits — module, worker, and one tiny document parsed and
 * drawn — so the first exhibit push only has to fetch and draw its own page.
 */
export function warmUpPdf(): void {
  loadPdfJs()
    .then(async (pdfjs) => {
      const doc = await pdfjs.getDocument({ data: new TextEncoder().encode(TINY_PDF), isEvalSupported: false }).promise;
      const page = await doc.getPage(1);
      const canvas = document.createElement('canvas');
      await page.render({ canvas, viewport: page.getViewport({ scale: 1 }) }).promise;
      await doc.destroy();
    })
    .catch(() => undefined);
}
