// npm start: the Electron desktop app on the user's data folder.
//  1. Electron's binary: present, or fetched now by electron's own install.js; if that fails, one
//     clear line pointing at the browser command, and exit.
//  2. better-sqlite3 for Electron's ABI, kept apart from node_modules (tests and the web host use
//     the Node build): .electron-native/<electron version>/better_sqlite3.node, passed to the app
//     through SUCAI_NATIVE_BINDING.
//  3. electron-vite build, then launch.
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const electronDir = path.join(root, 'node_modules', 'electron');
const electronVersion = JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version;
const browserHint = '请改用浏览器打开同一应用：npm run web';

function electronBinary() {
  try {
    const file = require('electron');
    return fs.existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

let binary = electronBinary();
if (!binary && process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  // Installed without the binary on purpose (our machines, CI): say so in one line.
  console.error(`未安装 Electron 桌面程序（安装时设置了 ELECTRON_SKIP_BINARY_DOWNLOAD）。${browserHint}`);
  process.exit(1);
}
if (!binary) {
  console.log(`正在下载 Electron ${electronVersion} 桌面程序…`);
  const install = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    cwd: electronDir,
    stdio: 'ignore',
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' },
    timeout: 10 * 60_000,
  });
  binary = install.status === 0 ? electronBinary() : null;
  if (!binary) {
    console.error(`未安装 Electron 桌面程序且无法下载（本机网络不可达）。${browserHint}`);
    process.exit(1);
  }
}

const nativeDir = path.join(root, '.electron-native', electronVersion);
const nativeBinding = path.join(nativeDir, 'better_sqlite3.node');
if (!fs.existsSync(nativeBinding)) {
  console.log(`正在为 Electron ${electronVersion} 准备 better-sqlite3…`);
  const work = path.join(root, '.electron-native', 'build');
  fs.rmSync(work, { recursive: true, force: true });
  fs.cpSync(path.join(root, 'node_modules', 'better-sqlite3'), work, { recursive: true });
  fs.rmSync(path.join(work, 'build'), { recursive: true, force: true });
  const target = ['--runtime=electron', `--target=${electronVersion}`, `--arch=${process.arch}`];
  const prebuilt = spawnSync(process.execPath, [require.resolve('prebuild-install/bin.js'), ...target], { cwd: work, stdio: 'inherit' });
  if (prebuilt.status !== 0) {
    const gyp = spawnSync('npx', ['--yes', 'node-gyp', 'rebuild', '--release', ...target, '--dist-url=https://electronjs.org/headers'], {
      cwd: work,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    if (gyp.status !== 0) {
      console.error(`无法为 Electron 编译 better-sqlite3（需要网络下载 Electron 头文件）。${browserHint}`);
      process.exit(1);
    }
  }
  fs.mkdirSync(nativeDir, { recursive: true });
  fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), nativeBinding);
  fs.rmSync(work, { recursive: true, force: true });
}

const build = spawnSync(process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const child = spawn(binary, [root, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, SUCAI_NATIVE_BINDING: nativeBinding },
});
child.on('exit', (code) => process.exit(code ?? 0));
