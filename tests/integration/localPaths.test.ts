import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../electron/web/webHost';
import { dispatch } from '../../electron/services/dispatch';
import { systemCaller } from '../../electron/services/caller';
import { caseInput, callApi, makeId, openTestServices, tempDataDir, workerDraft } from '../support/services';
import type { Services } from '../../electron/services/createServices';

/** Counts what a refused import must leave untouched: exhibit and file rows, and files in the store. */
function storeState(services: Services & { dataDir: string }) {
  const client = services.ctx.db.$client;
  const count = (table: string) => (client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.push(full);
    }
  };
  walk(path.join(services.dataDir, 'evidence'));
  return { exhibits: count('exhibits'), files: count('evidence_files'), stored: files.length };
}

let services: Services & { dataDir: string };
let host: WebHost;
let caseId: number;
const rendererDir = tempDataDir('sucai-renderer-');
fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>速裁台</title>');

beforeAll(async () => {
  services = openTestServices();
  host = await startWebHost({ services, rendererDir });
  caseId = (await callApi(services, 'cases.create', caseInput([workerDraft('张三', makeId('360702', '1990-01-01', 11), '1000')]))).id;
});
afterAll(async () => {
  await host.close();
  services.close();
});

describe('no reading of arbitrary local files', () => {
  it('the web host does not offer evidence.addFromPaths: /etc/passwd is refused and nothing is stored', async () => {
    const before = storeState(services);
    const response = await fetch(`http://127.0.0.1:${host.port}/api/evidence.addFromPaths`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Sucai-Token': host.token },
      body: JSON.stringify({ caseId, paths: ['/etc/passwd'], track: 'arbitration', submittedBy: 'applicant' }),
    });
    const result = await response.json();
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(result.error.message).toMatch(/桌面版/);
    expect(storeState(services)).toEqual(before);
  });

  it('the web host does not offer bundle.import by path', async () => {
    const response = await fetch(`http://127.0.0.1:${host.port}/api/bundle.import`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Sucai-Token': host.token },
      body: JSON.stringify({ path: path.join(services.dataDir, 'sucai.db') }),
    });
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('desktop: a path the user did not pick or drop in this session is refused, nothing stored', async () => {
    const before = storeState(services);
    const granted = new Set<string>();
    const caller = { ...systemCaller('electron'), takeGrantedPaths: (paths: string[]) => paths.every((p) => granted.has(p)) && paths.every((p) => granted.delete(p)) };
    const refused = await dispatch(services.handlers, 'evidence.addFromPaths', { caseId, paths: ['/etc/passwd'], track: 'arbitration', submittedBy: 'applicant' }, caller);
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(!refused.ok && refused.error.message).toContain('文件对话框');
    expect(storeState(services)).toEqual(before);

    // Granted once (picked in the dialog): imported; the same path a second time is refused again.
    const picked = path.join(tempDataDir('sucai-picked-'), '工资表.txt');
    fs.writeFileSync(picked, '张三 1000 元');
    granted.add(picked);
    const added = await dispatch(services.handlers, 'evidence.addFromPaths', { caseId, paths: [picked], track: 'arbitration', submittedBy: 'applicant' }, caller);
    expect(added.ok).toBe(true);
    const again = await dispatch(services.handlers, 'evidence.addFromPaths', { caseId, paths: [picked], track: 'arbitration', submittedBy: 'applicant' }, caller);
    expect(again).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
