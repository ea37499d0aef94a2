// docx → PDF with LibreOffice headless. Each conversion gets its own LibreOffice profile
// (-env:UserInstallation) so parallel runs never collide, a timeout, and the project's fontconfig so
// that FangSong / 仿宋 / SimSun / SimHei resolve to the CJK fonts installed on Debian.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { AppFailure } from '../../core/contract';
import type { ServiceContext } from '../context';
import { documentPath, requireDocument } from './generate';

export const SOFFICE_MISSING = '未安装 LibreOffice，无法导出 PDF；可下载 docx 用 WPS/Word 打开';

/** Where soffice may be: SOFFICE_PATH, then PATH, then the usual install folders. */
function sofficeCandidates(): string[] {
  const list: string[] = [];
  if (process.env.SOFFICE_PATH) list.push(process.env.SOFFICE_PATH);
  const exe = process.platform === 'win32' ? 'soffice.exe' : 'soffice';
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir) list.push(path.join(dir, exe));
  if (process.platform === 'win32') {
    for (const base of [process.env.ProgramFiles, process.env['ProgramFiles(x86)']]) if (base) list.push(path.join(base, 'LibreOffice', 'program', 'soffice.exe'));
  } else if (process.platform === 'darwin') list.push('/Applications/LibreOffice.app/Contents/MacOS/soffice');
  else list.push('/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/opt/libreoffice/program/soffice', '/snap/bin/libreoffice');
  return list;
}

export function findSoffice(): string | null {
  for (const c of sofficeCandidates()) {
    try {
      if (fs.statSync(c).isFile()) return c;
    } catch {
      // not there
    }
  }
  return null;
}

/** The project's resources/fontconfig/fonts.conf, wherever the app runs from (source, built, packaged). */
function projectFontconfig(): string | null {
  const electronResources = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  const roots = [
    process.env.SUCAI_RESOURCES_DIR,
    electronResources,
    path.resolve(__dirname, '../../../resources'),
    path.resolve(__dirname, '../../resources'),
    path.resolve(__dirname, '../resources'),
    path.resolve(process.cwd(), 'resources'),
  ];
  for (const root of roots) {
    if (!root) continue;
    const file = path.join(root, 'fontconfig', 'fonts.conf');
    if (fs.existsSync(file)) return file;
  }
  return null;
}

/** The project's fontconfig (Windows font names → Debian's CJK fonts), where fontconfig is used. */
export function fontconfigFile(): string | null {
  if (process.platform === 'win32' || process.platform === 'darwin') return null; // LibreOffice uses the system's fonts there
  return projectFontconfig();
}

/**
 * Converts one docx to a PDF at `outPdf` (written via a temp folder, then renamed). Throws an
 * AppFailure with a Chinese message when LibreOffice is missing, fails or times out.
 */
export async function convertDocxToPdf(docx: string, outPdf: string, options: { timeoutMs?: number } = {}): Promise<void> {
  const soffice = findSoffice();
  if (!soffice) throw new AppFailure('not_found', SOFFICE_MISSING);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sucai-soffice-'));
  const profile = path.join(work, 'profile');
  const outDir = path.join(work, 'out');
  fs.mkdirSync(outDir);
  const env = { ...process.env };
  const fonts = fontconfigFile();
  if (fonts) env.FONTCONFIG_FILE = fonts;
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        soffice,
        [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--nologo', '--nodefault', '--convert-to', 'pdf', '--outdir', outDir, docx],
        { env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true },
      );
      let stderr = '';
      child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
      child.stdout.resume();
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new AppFailure('internal', `LibreOffice 转换超时（${Math.round((options.timeoutMs ?? 60_000) / 1000)} 秒），请稍后重试或下载 docx 用 WPS/Word 打开`));
      }, options.timeoutMs ?? 60_000);
      child.on('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(error.code === 'ENOENT' ? new AppFailure('not_found', SOFFICE_MISSING) : error);
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        if (code === 0) resolve();
        else reject(new AppFailure('internal', `LibreOffice 转换失败（退出码 ${code}）：${stderr.trim().slice(0, 300)}`));
      });
    });
    const produced = path.join(outDir, `${path.basename(docx, path.extname(docx))}.pdf`);
    if (!fs.existsSync(produced)) throw new AppFailure('internal', 'LibreOffice 未生成 PDF 文件，请下载 docx 用 WPS/Word 打开');
    const temp = `${outPdf}.${crypto.randomBytes(6).toString('hex')}.tmp`;
    fs.copyFileSync(produced, temp);
    fs.renameSync(temp, outPdf);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export async function pdfPageCount(file: string): Promise<number | null> {
  try {
    const pdf = await PDFDocument.load(fs.readFileSync(file), { updateMetadata: false, ignoreEncryption: true });
    return pdf.getPageCount();
  } catch {
    return null;
  }
}

/** documents.exportPdf: `…-v<N>.pdf` next to the docx (reused when it is newer than the docx). */
export async function exportDocumentPdf(ctx: ServiceContext, documentId: number): Promise<{ path: string; fileName: string; pages: number | null }> {
  const row = requireDocument(ctx.db, documentId);
  const docx = documentPath(ctx.dataDir, row);
  if (!fs.existsSync(docx)) throw new AppFailure('not_found', `文书文件缺失：${row.fileName}，请重新生成`);
  const fileName = row.fileName.replace(/\.docx$/, '.pdf');
  const pdf = path.join(path.dirname(docx), fileName);
  const fresh = fs.statSync(pdf, { throwIfNoEntry: false });
  if (!fresh || fresh.mtimeMs < fs.statSync(docx).mtimeMs) await convertDocxToPdf(docx, pdf);
  return { path: pdf, fileName, pages: await pdfPageCount(pdf) };
}
