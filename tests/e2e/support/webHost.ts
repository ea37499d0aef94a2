import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../../..');

export function freshDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'sucai-e2e-'));
}

export type RunningHost = { url: string; origin: string; process: ChildProcess; stop: () => Promise<void> };

/**
 * Starts the real web host CLI (a separate process) on a free loopback port and waits for its URL.
 * 'automation' (what every journey uses): the printed URL carries the token of the built-in 系统
 * account. 'login': people sign in (first start, accounts, roles), on `port` when given (a restart
 * on the same address), else a free one.
 */
export function startHost(dataDir: string, mode: 'automation' | 'login' = 'automation', port = 0): Promise<RunningHost> {
  const flags = mode === 'automation' ? ['--automation'] : ['--port', String(port)];
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/web/cli.ts', '--data', dataDir, '--no-build', ...flags], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(mode === 'automation' ? /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/ : /请在浏览器中打开：(http:\/\/127\.0\.0\.1:\d+\/)\s/);
      if (match) {
        clearTimeout(timer);
        const url = match[1];
        resolve({
          url,
          origin: new URL(url).origin,
          process: child,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited (${code}):\n${output}`));
    });
  });
}
