import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { BodyBudget, MAX_BODY } from '../../electron/web/httpBody';
import { webHostForFile } from '../support/webHostForFile';

/**
 * The HTTP edges of the web host (issue 8 §6): malformed percent-encoding, bodies over the limit
 * (answered, then closed), the memory that concurrent large bodies may take, and the security
 * headers sent by the host itself.
 */
const web = webHostForFile();

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string; error?: string };

/**
 * Sends `bytes` of body in 1 MiB chunks (declared or chunked) and reports the answer — or the
 * network error if the connection was reset before any answer arrived.
 */
function send(method: string, p: string, bytes: number, declare: boolean, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (a: Answer) => {
      if (!settled) resolve(a);
      settled = true;
    };
    const req = http.request({
      host: '127.0.0.1',
      port: web.host.port,
      method,
      path: p,
      headers: { 'x-sucai-token': web.host.token, 'content-type': 'application/json', ...(declare ? { 'content-length': String(bytes) } : {}), ...headers },
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (e) => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), error: e.message }));
    });
    req.on('error', (e) => done({ status: 0, headers: {}, body: '', error: e.message }));
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < bytes) {
        const n = Math.min(chunk.length, bytes - sent);
        sent += n;
        if (!req.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

describe('malformed addresses', () => {
  it('answer 400 with a Chinese message, not 500 with an empty body', async () => {
    for (const [method, p] of [
      ['GET', '/%'],
      ['GET', '/%E0%A4%A'],
      ['POST', '/api/%E0%A4%A'],
      ['POST', '/api/cases.get%'],
      ['GET', '/api/files/evidence/%ZZ'],
    ]) {
      const answer = await send(method, p, method === 'POST' ? 2 : 0, true);
      expect([p, answer.status]).toEqual([p, 400]);
      expect(JSON.parse(answer.body)).toEqual({ ok: false, error: { code: 'invalid_input', message: '地址中的百分号编码无效（如 %E0%A4%A），请检查地址' } });
    }
  });
});

describe('bodies over the limit', () => {
  it('a declared length over the limit gets its 413 message before the connection closes', async () => {
    const answer = await send('POST', '/api/workers.previewRoster', MAX_BODY + 1024 * 1024, true);
    expect(answer.status).toBe(413);
    expect(answer.headers.connection).toBe('close');
    expect(JSON.parse(answer.body).error.message).toBe('请求过大（上限 40 MB）；大文件请用上传');
  });

  it('a chunked body that grows past the limit also gets the message', async () => {
    const answer = await send('POST', '/api/workers.previewRoster', MAX_BODY + 2 * 1024 * 1024, false);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error.message).toContain('请求过大');
  });

  it('six large bodies at once are all answered (read in turn within the shared budget)', async () => {
    const size = 39 * 1024 * 1024;
    const answers = await Promise.all(Array.from({ length: 6 }, () => send('POST', '/api/workers.previewRoster', size, true)));
    for (const a of answers) {
      expect(a.error).toBeUndefined();
      expect(a.status).toBe(400); // a body of spaces is not JSON: refused with a message, after it was read
      expect(JSON.parse(a.body).error.message).toBe('请求格式错误：不是有效的 JSON');
    }
  }, 120_000);
});

describe('the shared body budget', () => {
  it('serves reservations in order, never beyond the total, and a freed reservation lets the next in', async () => {
    const budget = new BodyBudget(100);
    const order: string[] = [];
    await budget.take(60);
    const b = budget.take(50).then(() => order.push('b'));
    const c = budget.take(10).then(() => order.push('c')); // would fit, but waits its turn behind b
    await new Promise((r) => setTimeout(r, 10));
    expect(order).toEqual([]);
    budget.give(60);
    await Promise.all([b, c]);
    expect(order).toEqual(['b', 'c']);
  });
});

describe('security headers from the host', () => {
  it('the page carries the CSP (with frame-ancestors) and X-Frame-Options as headers', async () => {
    const page = await fetch(`http://127.0.0.1:${web.host.port}/`);
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).not.toContain('Content-Security-Policy');
  });

  it('API answers cannot be framed or run either', async () => {
    const res = await fetch(`http://127.0.0.1:${web.host.port}/api/settings.get`, { method: 'POST', headers: { 'x-sucai-token': web.host.token }, body: '{}' });
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});
