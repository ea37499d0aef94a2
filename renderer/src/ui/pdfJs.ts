type PdfJs = typeof import('pdfjs-dist');
let pdfjsPromise: Promise<PdfJs> | null = null;

/**
 * pdf.js, loaded on first use only (it is large) and once per window for every viewer. Its worker
 * is bundled by Vite as a same-origin script, so the CSP needs no 'unsafe-eval' and no foreign origin.
 */
export function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?worker')]).then(([pdfjs, worker]) => {
    pdfjs.GlobalWorkerOptions.workerPort = new worker.default();
    return pdfjs;
  });
  return pdfjsPromise;
}
