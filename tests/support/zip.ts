import fs from 'node:fs';
import yauzl from 'yauzl';
import yazl from 'yazl';

export type ZipEntry = { name: string; data: Buffer; mode?: number; compress?: boolean };

export async function readZip(file: string): Promise<ZipEntry[]> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true });
  const out: ZipEntry[] = [];
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const c of await zip.openReadStreamPromise(entry)) chunks.push(c as Buffer);
    out.push({ name: entry.fileName, data: Buffer.concat(chunks) });
  }
  zip.close();
  return out;
}

export async function writeZip(file: string, entries: ZipEntry[]): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const e of entries) zip.addBuffer(e.data, e.name, { mode: e.mode, compress: e.compress ?? true });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);
  fs.writeFileSync(file, Buffer.concat(chunks));
  return file;
}

/** Every entry of a zip (docx, bundle) with its bytes, by name. */
export async function zipEntries(file: string): Promise<Map<string, Buffer>> {
  return new Map((await readZip(file)).map((e) => [e.name, e.data]));
}
