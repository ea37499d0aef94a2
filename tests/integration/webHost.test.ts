import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { caseInput, makeId, workerDraft } from '../support/services';
import { webHostForFile } from '../support/webHostForFile';

const web = webHostForFile();

const base = () => `http://127.0.0.1:${web.host.port}`;
const post = (method: string, body: unknown, token: string | null = web.host.token) =>
  fetch(`${base()}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { 'X-Sucai-Token': token } : {}) },
    body: JSON.stringify(body),
  });

describe('web host', () => {
  it('binds to loopback and prints an address carrying the token', () => {
    expect(web.host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${web.host.port}/\\?token=${web.host.token}$`));
  });

  it('refuses API calls without the per-launch token or with a wrong one', async () => {
    const none = await post('settings.get', {}, null);
    expect(none.status).toBe(401);
    expect((await none.json()).error.message).toBe('请先登录');
    expect((await post('settings.get', {}, 'x'.repeat(32))).status).toBe(401);
  });

  it('refuses requests whose Host is not loopback (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve) => {
      http.get({ host: '127.0.0.1', port: web.host.port, path: '/', headers: { Host: 'evil.example.com' } }, (res) => resolve(res.statusCode ?? 0));
    });
    expect(status).toBe(403);
  });

  it('serves contract methods with validation and Chinese errors', async () => {
    const settings = await (await post('settings.get', {})).json();
    expect(settings).toMatchObject({ ok: true, value: { commissionName: '赣州市劳动人事争议仲裁委员会' } });
    expect(await (await post('no.such', {})).json()).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    const bad = await (await post('cases.accept', { id: 1, acceptedOn: '2026/11/18' })).json();
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(bad.error.message).toContain('日期格式应为 YYYY-MM-DD');
    const missing = await (await post('cases.get', { id: 999 })).json();
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found', message: '案件不存在（编号999）' } });
  });

  it('pushes a change event over SSE when a case is filed', async () => {
    const controller = new AbortController();
    const response = await fetch(`${base()}/api/events`, { headers: { 'X-Sucai-Token': web.host.token }, signal: controller.signal });
    const reader = response.body!.getReader();
    await reader.read(); // ": connected"
    const created = await (await post('cases.create', caseInput([workerDraft('罗建国', makeId('360702', '1966-06-06', 81), '4200')]))).json();
    expect(created.ok).toBe(true);
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toContain(`"caseId":${created.value.id}`);
    controller.abort();
  });

  it('serves the built renderer and never a file outside it', async () => {
    expect(await (await fetch(`${base()}/`)).text()).toContain('速裁台');
    const escape = await fetch(`${base()}/..%2f..%2fetc%2fpasswd`);
    expect(await escape.text()).not.toContain('root:');
  });
});
