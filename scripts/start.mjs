// npm start [-- --data DIR]: the Electron desktop app on the user's data folder. Where the desktop
// app cannot be had (no binary and no way to download it, no compiler for the database component,
// no graphical desktop), it says why in one line and starts the same app in the browser instead
// (npm run web), printing the address to open.
//  1. Electron's binary: present, or downloaded now with progress (npm install does not fetch it:
//     package.json denies electron's install script so that the install works on any network);
//     ELECTRON_MIRROR and friends are honoured.
//  2. better-sqlite3 for Electron's ABI, kept apart from node_modules (tests and the web host use
//     the Node build): .electron-native/electron-<v>-better-sqlite3-<v>/better_sqlite3.node, passed
//     to the app through SUCAI_NATIVE_BINDING. Prebuilt package first, then a local compile.
//  3. electron-vite build, then launch (on a Wayland session through XWayland, so the presentation
//     window can be placed on the projector).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const require = createRequire(import.meta.url);
const electronDir = path.join(root, 'node_modules', 'electron');
const version = (dir) => JSON.parse(fs.readFileSync(path.join(root, 'node_modules', dir, 'package.json'), 'utf8')).version;
const electronVersion = version('electron');
const sqliteVersion = version('better-sqlite3');
const NETWORK = /network connectivity|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNREFUSED|ECONNRESET|ENETUNREACH|EHOSTUNREACH|getaddrinfo|socket hang up|TimeoutError/;

/** The same app in the browser: the web host on 127.0.0.1, which prints the address to open. */
function startWeb(reason) {
  console.error(`${reason}`);
  console.error('改为启动浏览器版（同一界面、同一数据目录）：');
  const web = spawn(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(root, 'electron', 'web', 'cli.ts'), ...args], {
    cwd: root,
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => web.kill(signal));
  web.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function electronBinary() {
  try {
    const file = require('electron');
    return fs.existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

function explainDownload(error) {
  const detail = `${error.name} ${error.code ?? ''} ${error.message}`;
  const host = error.options?.url?.host ?? 'github.com';
  if (NETWORK.test(detail)) return `无法下载 Electron 桌面程序：连不上 ${host}。可设置镜像 ELECTRON_MIRROR 后重试（见 README「受限网络」）。`;
  if (error.name === 'HTTPError') return `无法下载 Electron 桌面程序：${error.options?.url ?? host} 返回 ${error.response?.statusCode}，请检查 ELECTRON_MIRROR / ELECTRON_CUSTOM_DIR。`;
  if (/checksum/i.test(detail)) return '下载的 Electron 文件校验失败（镜像上的文件与官方不同）：换一个镜像，或设置 electron_use_remote_checksums=1。';
  if (/ENOSPC/.test(detail)) return '磁盘空间不足，无法下载 Electron 桌面程序。';
  return `无法下载 Electron 桌面程序：${error.message.split('\n')[0]}`;
}

/** Downloads the zip into @electron/get's cache with a progress line; electron's install.js then unpacks it from there. */
async function downloadElectron() {
  const { downloadArtifact } = createRequire(path.join(electronDir, 'package.json'))('@electron/get');
  process.env.ELECTRON_GET_NO_PROGRESS = '1'; // its own bar appears only after 30 s; ours below
  let shown = 0;
  await downloadArtifact({
    version: electronVersion,
    artifactName: 'electron',
    platform: process.env.npm_config_platform || process.platform,
    arch: process.env.npm_config_arch || process.arch,
    cacheRoot: process.env.electron_config_cache,
    checksums: process.env.electron_use_remote_checksums || process.env.npm_config_electron_use_remote_checksums ? undefined : require(path.join(electronDir, 'checksums.json')),
    downloadOptions: {
      quiet: true,
      timeout: { lookup: 20_000, connect: 20_000, secureConnect: 20_000, socket: 60_000, response: 60_000 },
      getProgressCallback: ({ percent, transferred, total }) => {
        const pct = Math.floor(percent * 100);
        const line = `  ${pct}%（${(transferred / 2 ** 20).toFixed(1)} / ${((total ?? 0) / 2 ** 20).toFixed(1)} MB）`;
        if (process.stdout.isTTY) process.stdout.write(`\r${line}`);
        else if (pct >= shown + 10) console.log(line); // a log file gets one line per 10 %
        if (pct >= shown + 10) shown = pct - (pct % 10);
      },
    },
  });
  if (process.stdout.isTTY) process.stdout.write('\n');
}

async function ensureElectron() {
  const present = electronBinary();
  if (present) return { binary: present };
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return { problem: '未安装 Electron 桌面程序（设置了 ELECTRON_SKIP_BINARY_DOWNLOAD）。' };
  console.log(`正在下载 Electron ${electronVersion} 桌面程序（约 100 MB，只需一次）…`);
  try {
    await downloadElectron();
  } catch (error) {
    if (process.stdout.isTTY) process.stdout.write('\n');
    return { problem: explainDownload(error) };
  }
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { cwd: electronDir, stdio: 'inherit', env });
  const binary = electronBinary();
  return binary ? { binary } : { problem: 'Electron 桌面程序已下载，但未能解压到 node_modules/electron/dist。' };
}

/** What is missing to compile a native module here, or null. */
function missingCompiler() {
  const has = (command, flag = '--version') => !spawnSync(command, [flag], { stdio: 'ignore' }).error;
  if (process.platform === 'win32') {
    const vswhere = path.join(process.env['ProgramFiles(x86)'] ?? 'C:\\Program Files (x86)', 'Microsoft Visual Studio', 'Installer', 'vswhere.exe');
    const found = fs.existsSync(vswhere) && spawnSync(vswhere, ['-products', '*', '-requires', 'Microsoft.VisualStudio.Component.VC.Tools.x86.x64', '-property', 'installationPath'], { encoding: 'utf8' }).stdout?.trim();
    return found ? null : '缺少 C++ 编译工具：请安装 Visual Studio 生成工具（勾选“使用 C++ 的桌面开发”）';
  }
  if (process.platform === 'darwin') return has('clang++') && has('make') ? null : '缺少编译工具：请运行 xcode-select --install';
  const missing = [['python3'], ['make'], ['g++', 'c++']].filter((alternatives) => !alternatives.some((c) => has(c))).map((a) => a[0]);
  return missing.length ? `缺少编译工具 ${missing.join('、')}（Debian/Ubuntu：sudo apt install python3 make g++）` : null;
}

function ensureNativeBinding() {
  const dir = path.join(root, '.electron-native', `electron-${electronVersion}-better-sqlite3-${sqliteVersion}`);
  const binding = path.join(dir, 'better_sqlite3.node');
  if (fs.existsSync(binding)) return { binding };
  console.log(`正在为 Electron ${electronVersion} 准备数据库组件 better-sqlite3 ${sqliteVersion}…`);
  const work = path.join(root, '.electron-native', 'build');
  const log = path.join(root, '.electron-native', 'build.log');
  fs.rmSync(work, { recursive: true, force: true });
  fs.cpSync(path.join(root, 'node_modules', 'better-sqlite3'), work, { recursive: true });
  fs.rmSync(path.join(work, 'build'), { recursive: true, force: true });
  const target = ['--runtime=electron', `--target=${electronVersion}`, `--arch=${process.arch}`];
  // npm passes its `nodedir` (on Debian: /usr, the system Node's headers) to scripts; node-gyp would
  // then build for Node's ABI whatever --target says. Electron's headers are wanted here.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key.toLowerCase() !== 'npm_config_nodedir'));
  const run = (command, commandArgs) => {
    const result = spawnSync(command, commandArgs, { cwd: work, env, encoding: 'utf8', shell: process.platform === 'win32' && command === 'npx' });
    fs.appendFileSync(log, `$ ${command} ${commandArgs.join(' ')}\n${result.stdout ?? ''}${result.stderr ?? ''}${result.error ?? ''}\n`);
    return result.status === 0;
  };
  fs.writeFileSync(log, '');
  if (!run(process.execPath, [require.resolve('prebuild-install/bin.js'), ...target])) {
    const noCompiler = missingCompiler();
    if (noCompiler) return { problem: `无法为 Electron 准备数据库组件：预编译包下载失败，且${noCompiler}。也可设置预编译包镜像（见 README「受限网络」）。` };
    console.log('  没有可用的预编译包，正在本机编译（约 1–2 分钟）…');
    const gyp = process.env.npm_config_node_gyp;
    const headers = process.env.SUCAI_ELECTRON_HEADERS_URL || 'https://artifacts.electronjs.org/headers/dist';
    const gypArgs = ['rebuild', '--release', ...target, `--dist-url=${headers}`];
    const compiled = gyp ? run(process.execPath, [gyp, ...gypArgs]) : run('npx', ['--yes', 'node-gyp', ...gypArgs]);
    if (!compiled) {
      const output = fs.readFileSync(log, 'utf8');
      const reason = NETWORK.test(output.slice(output.lastIndexOf('$ ')))
        ? '预编译包和 Electron 头文件都下载不到（网络不可达）；可设置预编译包镜像（见 README「受限网络」）'
        : `编译失败，详见 ${path.relative(root, log)}`;
      return { problem: `无法为 Electron 准备数据库组件：${reason}。` };
    }
  }
  const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
  if (!builtForElectron(built)) return { problem: `为 Electron 准备的数据库组件不是 Electron 的 ABI（${electronAbi()}），详见 ${path.relative(root, log)}。` };
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(built, binding);
  fs.rmSync(work, { recursive: true, force: true });
  return { binding };
}

const electronAbi = () => fs.readFileSync(path.join(electronDir, 'abi_version'), 'utf8').trim();

/** Node refuses a module built for Electron, naming Electron's ABI: that is the proof it was built for Electron. */
function builtForElectron(file) {
  const probe = spawnSync(process.execPath, ['-e', 'process.dlopen({ exports: {} }, process.argv[1])', file], { encoding: 'utf8' });
  return probe.status !== 0 && probe.stderr.includes(`NODE_MODULE_VERSION ${electronAbi()}`);
}

/** Ubuntu 24.04 (AppArmor) and other systems where Chromium's sandbox cannot start from node_modules. */
function sandboxRemedy(binary) {
  const helper = path.join(path.dirname(binary), 'chrome-sandbox');
  console.error('Electron 的沙箱辅助程序权限不对，Electron 拒绝在没有沙箱的情况下运行（Ubuntu 24.04 等系统常见）。请运行一次：');
  console.error(`  sudo chown root:root "${helper}" && sudo chmod 4755 "${helper}"`);
  console.error('然后重新 npm start。（不要用 --no-sandbox 关闭沙箱。）');
}

function launch(binary, binding) {
  const switches = [];
  // Electron ≥ 38 runs natively on Wayland, where an app cannot place its windows (README「Linux 显示」).
  if (process.platform === 'linux' && process.env.XDG_SESSION_TYPE === 'wayland' && process.env.DISPLAY && !args.some((a) => a.startsWith('--ozone-platform'))) {
    switches.push('--ozone-platform=x11');
  }
  const child = spawn(binary, [...switches, root, ...args], {
    cwd: root,
    stdio: ['inherit', 'inherit', 'pipe'],
    env: { ...process.env, SUCAI_NATIVE_BINDING: binding },
  });
  let tail = '';
  child.stderr.on('data', (chunk) => {
    process.stderr.write(chunk);
    tail = (tail + chunk.toString()).slice(-20_000);
  });
  child.on('error', (error) => {
    console.error(`无法启动 Electron：${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    const library = tail.match(/error while loading shared libraries: ([^:\s]+)/);
    if (/SUID sandbox helper|chrome-sandbox/.test(tail)) sandboxRemedy(binary);
    else if (library) console.error(`Electron 缺少系统库 ${library[1]}：请用系统的包管理器安装它（Debian/Ubuntu 上 apt-file search ${library[1]} 可查到所在的包）。`);
    if (signal) {
      console.error(`速裁台被信号 ${signal} 终止。`);
      process.exit(1);
    }
    process.exit(code ?? 1);
  });
}

async function main() {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return startWeb('没有图形桌面（未设置 DISPLAY / WAYLAND_DISPLAY），无法打开桌面窗口。');
  }
  const electron = await ensureElectron();
  if (!electron.binary) return startWeb(electron.problem);
  const native = ensureNativeBinding();
  if (!native.binding) return startWeb(native.problem);
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('界面构建失败（electron-vite build），见上面的输出。');
    process.exit(build.status ?? 1);
  }
  launch(electron.binary, native.binding);
}

main().catch((error) => {
  console.error(`启动失败：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
