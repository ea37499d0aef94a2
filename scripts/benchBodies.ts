/**
 * npm run bench -- --bodies [--count N] [--size-mib M]
 * Starts the web host (its CLI, in automation mode, as a separate process), then sends N JSON
 * bodies of M MiB at once (default six of 39 MiB, just under the 40 MB limit) and reports the
 * host's resident memory before, at its peak (VmHWM) and after, and how long all answers took.
 * The shared body budget (electron/web/httpBody.ts) reads such bodies a few at a time.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

function memory(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

function post(port: number, token: string, size: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const head = Buffer.from('{"fileName":"名单.xlsx","contentBase64":"');
    const tail = Buffer.from('"}');
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/api/workers.previewRoster', headers: { 'x-sucai-token': token, 'content-type': 'application/json', 'content-length': size } });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    const chunk = Buffer.alloc(1024 * 1024, 0x41);
    let left = size - head.length - tail.length;
    req.write(head);
    const pump = () => {
      while (left > 0) {
        const n = Math.min(chunk.length, left);
        left -= n;
        if (!req.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void req.once('drain', pump);
      }
      req.end(tail);
    };
    pump();
  });
}

export async function bodiesBench(): Promise<void> {
  const count = Number(arg('count') ?? 6);
  const size = Number(arg('size-mib') ?? 39) * 1024 * 1024;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sucai-bench-bodies-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/web/cli.ts', '--data', dataDir, '--no-build', '--automation'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise<URL>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
        if (m) resolve(new URL(m[1]));
      });
      child.once('exit', (code) => reject(new Error(`web host exited (${code})`)));
    });
    const token = url.searchParams.get('token')!;
    const before = memory(child.pid!);
    let highest = before.rss;
    const sampler = setInterval(() => (highest = Math.max(highest, memory(child.pid!).rss)), 20);
    const started = performance.now();
    const statuses = await Promise.all(Array.from({ length: count }, () => post(Number(url.port), token, size)));
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const after = memory(child.pid!);
    console.log(`并发请求体：${count} 个 × ${mib(size)}，全部回答用时 ${seconds.toFixed(1)} 秒，状态码 ${[...new Set(statuses)].join('、')}`);
    console.log(`网页宿主常驻内存：之前 ${mib(before.rss)}，峰值 ${mib(Math.max(highest, after.peak))}，之后 ${mib(after.rss)}`);
  } finally {
    child.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
