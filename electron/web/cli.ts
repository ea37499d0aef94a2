import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openDefaultDataFolder } from '../services/legacyDataFolder';
import { openRepoServices } from '../services/repoServices';
import { describeStartupError } from '../services/storage/startupFailure';
import { startWebHost } from './webHost';

/**
 * npm run web -- [--data DIR] [--port P] [--backup-dir DIR] [--no-build] [--automation]
 * Builds the renderer when it is missing or older than its sources, then serves the app on
 * 127.0.0.1 and prints the address to open: a plain one (people sign in; the port stays the same
 * from one start to the next, so open tabs keep working), or with --automation (tests, benchmarks,
 * scripts) one carrying a per-launch token that acts as the built-in 系统 account.
 */
const root = path.resolve(__dirname, '../..');
/** The address people open (and bookmark) stays the same from one start to the next. */
const DEFAULT_PORT = 8730;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function ensureBuilt(rendererDir: string): void {
  const index = path.join(rendererDir, 'index.html');
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const sources = Math.max(newestMtime(path.join(root, 'renderer')), newestMtime(path.join(root, 'electron', 'core')));
  if (built >= sources) return;
  console.log('正在构建界面（electron-vite build）…');
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
}

/** --data DIR, else SUCAI_DATA_DIR, else the default folder (data of earlier versions moved there). */
function chooseDataDir(): string {
  const given = arg('data') ?? process.env.SUCAI_DATA_DIR;
  if (given) return path.resolve(given);
  const { dataDir, note } = openDefaultDataFolder();
  if (note) console.log(note);
  return dataDir;
}

async function main() {
  const dataDir = chooseDataDir();
  const automation = process.argv.includes('--automation');
  const port = arg('port') ? Number(arg('port')) : automation ? 0 : DEFAULT_PORT;
  const rendererDir = path.join(root, 'out', 'renderer');
  if (!process.argv.includes('--no-build')) ensureBuilt(rendererDir);
  // Backups go to --backup-dir when given (fixed for this run: the browser never names a path), else the data folder's backups/.
  const backupDir = arg('backup-dir') ? path.resolve(arg('backup-dir')!) : undefined;
  if (backupDir) fs.mkdirSync(backupDir, { recursive: true });
  const services = openRepoServices(root, dataDir, { autoBackup: true, backupDir });
  const mode = automation ? 'automation' : 'login';
  const host = await startWebHost({ services, rendererDir, port, mode }).catch((error: NodeJS.ErrnoException) => {
    // the usual port is taken (another instance, another program): any free one will do
    if (error.code === 'EADDRINUSE' && !arg('port')) return startWebHost({ services, rendererDir, port: 0, mode });
    throw error;
  });
  console.log(`速裁台已启动，数据目录：${dataDir}`);
  if (automation) console.log('自动化模式：地址中的令牌代表内置“系统”账号，只供测试、基准和脚本使用');
  console.log(`请在浏览器中打开：${host.url}`);
  const stop = async () => {
    await host.close();
    services.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  const { title, message } = describeStartupError(error);
  console.error(`启动失败：${title}\n${message}`);
  process.exit(1);
});
