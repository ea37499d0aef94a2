/**
 * The web host process the crash harness kills: the repository's services on a data folder, served
 * with a known automation token (startWebHost's `token` option). Prints one line of JSON with its
 * port when it listens; everything else (the lock, the start checks, the sweep) is the real start.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openRepoServices } from '../../../electron/services/repoServices';
import { describeStartupError } from '../../../electron/services/storage/startupFailure';
import { startWebHost } from '../../../electron/web/webHost';

async function main() {
  const [root, dataDir] = process.argv.slice(2);
  const token = process.env.SUCAI_AUTOMATION_TOKEN ?? '';
  const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sucai-crash-renderer-'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>速裁台</title>');
  const services = openRepoServices(root, dataDir);
  const host = await startWebHost({ services, rendererDir, token });
  process.stdout.write(`${JSON.stringify({ port: host.port, pid: process.pid })}\n`);
}

main().catch((error) => {
  const { title, message } = describeStartupError(error);
  process.stderr.write(`${title}：${message}\n`);
  process.exit(1);
});
