import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../electron/web/webHost';
import type { Services } from '../../electron/services/createServices';
import { addAccount, callApi, caseInput, makeId, openTestServices, tempDataDir, TEST_PASSWORD, workerDraft } from '../support/services';

/**
 * The access suite (issue 8 §7): every route family of the web host, asked without a session or
 * token, with a wrong one, with a foreign Host or Origin, and with traversal paths — refused, and
 * nothing read (no file content, no case data in the answer) or stored.
 */
let services: Services & { dataDir: string };
let people: WebHost; // people sign in (npm run web)
let robot: WebHost; // automation (npm run web -- --automation)
const rendererDir = tempDataDir('sucai-renderer-');
fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>速裁台</title>');
const SECRET_WORKER = '钟海涛';
const files: Record<string, string> = {};
let exhibitId = 0;
let documentId = 0;
let clerkCookie = '';
let observerCookie = '';

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };
/** A raw request: the path goes out exactly as written (fetch would resolve ../ itself). */
function raw(port: number, method: string, rawPath: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: rawPath, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function signIn(username: string): Promise<string> {
  const res = await raw(people.port, 'POST', '/api/auth.login', { 'content-type': 'application/json' }, JSON.stringify({ username, password: TEST_PASSWORD }));
  expect(res.status).toBe(200);
  const cookie = String(res.headers['set-cookie']).split(';')[0];
  expect(cookie).toMatch(new RegExp(`^sucai_session_${people.port}=[\\w-]+$`));
  return cookie;
}

/** What must never appear in a refused answer: case data, file contents, the database. */
function readNothing(answer: Answer) {
  expect(answer.body).not.toContain(SECRET_WORKER);
  expect(answer.body).not.toContain('SQLite format 3');
  expect(answer.body).not.toContain('root:x:0');
  expect(answer.body).not.toContain('%PDF');
  expect(answer.body).not.toContain('PK\u0003\u0004');
  expect(answer.body.length).toBeLessThan(400);
}

const stored = () => ({
  exhibits: services.ctx.db.$client.prepare('select count(*) from exhibits').pluck().get(),
  files: fs.readdirSync(path.join(services.dataDir, 'evidence'), { recursive: true }).length,
  cases: services.ctx.db.$client.prepare('select count(*) from cases').pluck().get(),
});

beforeAll(async () => {
  services = openTestServices();
  const caseId = (await callApi(services, 'cases.create', caseInput([workerDraft(SECRET_WORKER, makeId('360702', '1984-04-04', 12), '4200')]))).id;
  await callApi(services, 'cases.accept', { id: caseId, acceptedOn: '2026-11-18' });
  await addAccount(services, '周婷', ['clerk'], 'clerk');
  await addAccount(services, '刘科长', ['observer'], 'observer');
  // the accounts change their initial password straight away in real use; here it stays
  services.ctx.db.$client.exec('update accounts set must_change_password = 0');
  people = await startWebHost({ services, rendererDir, mode: 'login' });
  robot = await startWebHost({ services, rendererDir });
  const upload = await raw(robot.port, 'POST', `/api/upload/evidence?caseId=${caseId}&fileName=a.pdf&track=arbitration&submittedBy=applicant`, { 'x-sucai-token': robot.token }, '%PDF-1.4 secret evidence');
  exhibitId = JSON.parse(upload.body).value.id;
  documentId = (await callApi(services, 'documents.generate', { caseId, kind: 'acceptanceNotice' }))[0].id;
  files.bundle = (await callApi(services, 'bundle.export', { caseId })).fileName;
  files.export = (await callApi(services, 'dashboard.export', { from: '2026-11-01', to: '2026-11-30' })).fileName;
  clerkCookie = await signIn('clerk');
  observerCookie = await signIn('observer');
});
afterAll(async () => {
  await people.close();
  await robot.close();
  services.close();
});

/** One request per route family, each of which would read or store something if let through. */
const families = () => [
  { name: 'JSON API', method: 'POST', path: '/api/cases.search', body: '{"query":""}' },
  { name: 'JSON API (case)', method: 'POST', path: '/api/cases.get', body: '{"id":1}' },
  { name: 'events (SSE)', method: 'GET', path: '/api/events' },
  { name: 'evidence file', method: 'GET', path: `/api/files/evidence/${exhibitId}` },
  { name: 'document file', method: 'GET', path: `/api/files/document/${documentId}` },
  { name: 'bundle file', method: 'GET', path: `/api/files/bundle/${encodeURIComponent(files.bundle)}` },
  { name: 'export file', method: 'GET', path: `/api/files/export/${encodeURIComponent(files.export)}` },
  { name: 'evidence upload', method: 'POST', path: '/api/upload/evidence?caseId=1&fileName=x.pdf&track=arbitration&submittedBy=applicant', body: '%PDF-1.4 upload' },
  { name: 'bundle upload', method: 'POST', path: '/api/upload/bundle?fileName=x.sucai.zip', body: 'PK' },
  { name: 'unknown file route', method: 'GET', path: '/api/files/sucai.db' },
];

describe('access: without a session or token', () => {
  it('every route family answers 401 with a Chinese message, reads nothing and stores nothing', async () => {
    const before = stored();
    for (const host of [people, robot]) {
      for (const f of families()) {
        const answer = await raw(host.port, f.method, f.path, { 'content-type': 'application/json' }, f.body);
        expect([f.name, answer.status]).toEqual([f.name, 401]);
        expect(JSON.parse(answer.body)).toEqual({ ok: false, error: { code: 'unauthorized', message: '请先登录' } });
        readNothing(answer);
      }
    }
    expect(stored()).toEqual(before);
  });

  it('a wrong token, a wrong cookie, or the token in the query string of a POST or the event stream is no better', async () => {
    const before = stored();
    const wrong: Record<string, string>[] = [
      { 'x-sucai-token': 'x'.repeat(robot.token.length) },
      { 'x-sucai-token': robot.token.slice(0, -1) },
      { cookie: `sucai_session_${robot.port}=${'a'.repeat(43)}` },
      { cookie: `sucai_session_${people.port}=${robot.token}` },
    ];
    for (const headers of wrong) {
      for (const f of families()) {
        const answer = await raw(robot.port, f.method, f.path, headers, f.body);
        expect([f.name, answer.status]).toEqual([f.name, 401]);
        readNothing(answer);
      }
    }
    for (const f of families().filter((x) => x.method === 'POST' || x.path === '/api/events')) {
      const answer = await raw(robot.port, f.method, `${f.path}${f.path.includes('?') ? '&' : '?'}token=${robot.token}`, {}, f.body);
      expect([f.name, answer.status]).toEqual([f.name, 401]);
      readNothing(answer);
    }
    // the cookie of the host on another port is not this host's cookie (cookies are named by port)
    const other = await raw(robot.port, 'POST', '/api/cases.search', { cookie: clerkCookie }, '{}');
    expect(other.status).toBe(401);
    expect(stored()).toEqual(before);
  });

  it('the token opens downloads by link (GET) only, and the page gets an HttpOnly, SameSite=Strict cookie instead', async () => {
    const download = await raw(robot.port, 'GET', `/api/files/evidence/${exhibitId}?token=${robot.token}`);
    expect(download.status).toBe(200);
    expect(download.body).toContain('secret evidence');
    const page = await raw(robot.port, 'GET', `/?token=${robot.token}`);
    expect(String(page.headers['set-cookie'])).toMatch(new RegExp(`^sucai_session_${robot.port}=[\\w-]+; HttpOnly; SameSite=Strict; Path=/; Max-Age=\\d+$`));
    const cookie = String(page.headers['set-cookie']).split(';')[0];
    expect((await raw(robot.port, 'POST', '/api/cases.search', { cookie }, '{}')).status).toBe(200);
    // the people's host has no token at all
    expect(people.url).toBe(`http://127.0.0.1:${people.port}/`);
    expect((await raw(people.port, 'GET', `/api/files/evidence/${exhibitId}?token=${robot.token}`)).status).toBe(401);
    expect((await raw(people.port, 'GET', '/?token=anything')).headers['set-cookie']).toBeUndefined();
  });
});

describe('access: a foreign Host or Origin', () => {
  it('a foreign Host is refused on every route, even with a valid session', async () => {
    for (const host of ['evil.example.com', 'evil.example.com:80', '127.0.0.1.evil.example.com', 'localhost.evil.example.com', '0.0.0.0']) {
      for (const f of [...families(), { name: 'page', method: 'GET', path: '/', body: undefined }]) {
        const answer = await raw(people.port, f.method, f.path, { host, cookie: clerkCookie }, f.body);
        expect([host, f.name, answer.status]).toEqual([host, f.name, 403]);
        readNothing(answer);
      }
    }
  });

  it('a request without any Host is refused too', async () => {
    const answer = await new Promise<string>((resolve) => {
      const socket = net.connect(people.port, '127.0.0.1', () => socket.end(`GET /api/files/evidence/${exhibitId} HTTP/1.0\r\nCookie: ${clerkCookie}\r\n\r\n`));
      let text = '';
      socket.on('data', (c) => (text += c.toString()));
      socket.on('end', () => resolve(text));
    });
    expect(answer).toMatch(/^HTTP\/1\.[01] 403/);
    expect(answer).not.toContain('secret evidence');
  });

  it('a state-changing request from another origin is refused before it runs, even with a valid session', async () => {
    const before = stored();
    const input = JSON.stringify(caseInput([workerDraft('罗建国', makeId('360702', '1966-06-06', 81), '4200')]));
    const foreign: Record<string, string>[] = [{ origin: 'http://evil.example.com' }, { origin: `http://127.0.0.1:${people.port + 1}` }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' }];
    for (const headers of foreign) {
      for (const f of [{ path: '/api/cases.create', body: input }, ...families().filter((x) => x.method === 'POST')]) {
        const answer = await raw(people.port, 'POST', f.path, { cookie: clerkCookie, 'content-type': 'application/json', ...headers }, f.body);
        expect([f.path, answer.status]).toEqual([f.path, 403]);
        expect(JSON.parse(answer.body).error.message).toBe('拒绝来自其他网站的请求');
      }
    }
    expect(stored()).toEqual(before);
    // our own page's origin goes through
    const own = await raw(people.port, 'POST', '/api/cases.search', { cookie: clerkCookie, origin: `http://127.0.0.1:${people.port}`, 'sec-fetch-site': 'same-origin' }, '{}');
    expect(own.status).toBe(200);
    expect(own.body).toContain(SECRET_WORKER);
  });
});

describe('access: traversal paths', () => {
  const traversals = [
    '../sucai.db',
    '..%2Fsucai.db',
    '..%2f..%2fsucai.db',
    '%2e%2e%2fsucai.db',
    '%2e%2e/%2e%2e/sucai.db',
    '..%5Csucai.db',
    '%2Fetc%2Fpasswd',
    '/etc/passwd',
    '%00',
    'x.sucai.zip%00.pdf',
    '..%00/sucai.db',
    '%252e%252e%252fsucai.db',
  ];

  it('file routes with a valid session refuse every traversal and read nothing', async () => {
    for (const prefix of ['/api/files/evidence/', '/api/files/document/', '/api/files/bundle/', '/api/files/export/', '/api/files/', '/api/upload/', '/api/']) {
      for (const t of traversals) {
        const answer = await raw(people.port, 'GET', prefix + t, { cookie: clerkCookie });
        expect([prefix + t, answer.status >= 400 && answer.status < 500]).toEqual([prefix + t, true]);
        readNothing(answer);
      }
    }
  });

  it('a dot-dot segment, written plainly or percent-encoded, is refused outright (400) wherever it is', async () => {
    for (const p of ['/api/files/../../sucai.db', '/api/files/%2e%2e/%2e%2e/sucai.db', '/api/files/%2E%2E%2Fsucai.db', '/..%5c..%5csucai.db', '/assets/../../sucai.db']) {
      const answer = await raw(people.port, 'GET', p, { cookie: clerkCookie });
      expect([p, answer.status]).toEqual([p, 400]);
      expect(JSON.parse(answer.body).error.message).toBe('地址中不能含有“..”');
    }
  });

  it('the page server never serves a file outside the built renderer', async () => {
    for (const t of traversals) {
      for (const p of [`/${t}`, `/assets/${t}`, `/..%2f..%2f..%2f..%2f..%2fetc%2fpasswd`, `//etc/passwd`]) {
        const answer = await raw(people.port, 'GET', p);
        expect(answer.body).not.toContain('root:x:0');
        expect(answer.body).not.toContain('SQLite format 3');
      }
    }
  });

  it('uploads cannot name a place to write: the file name is only a label', async () => {
    const filesIn = (dir: string) => fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
    const before = filesIn(services.dataDir);
    const answer = await raw(people.port, 'POST', '/api/upload/bundle?fileName=..%2F..%2Fevil.sucai.zip', { cookie: clerkCookie }, 'not a zip');
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(filesIn(services.dataDir)).toBe(before);
    expect(fs.existsSync(path.join(services.dataDir, '..', 'evil.sucai.zip'))).toBe(false);
  });
});

describe('access: roles on the file routes (the contract decides)', () => {
  it('an observer may not download files or upload, a clerk may', async () => {
    for (const f of families().filter((x) => x.path.startsWith('/api/files/') && !x.path.endsWith('sucai.db')).concat(families().filter((x) => x.path.startsWith('/api/upload/')))) {
      const answer = await raw(people.port, f.method, f.path, { cookie: observerCookie }, f.body);
      expect([f.name, answer.status]).toEqual([f.name, 403]);
      expect(JSON.parse(answer.body).error.message).toBe('您的角色（观察员）无权执行此操作');
      readNothing(answer);
    }
    const evidence = await raw(people.port, 'GET', `/api/files/evidence/${exhibitId}`, { cookie: clerkCookie });
    expect(evidence.status).toBe(200);
    const docx = await raw(people.port, 'GET', `/api/files/document/${documentId}`, { cookie: clerkCookie });
    expect(docx.status).toBe(200);
  });

  it('downloading evidence (not viewing it) is recorded on the case timeline with the person', async () => {
    await raw(people.port, 'GET', `/api/files/evidence/${exhibitId}`, { cookie: clerkCookie, range: 'bytes=0-3' });
    const download = await raw(people.port, 'GET', `/api/files/evidence/${exhibitId}?download=1`, { cookie: clerkCookie });
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    const events = services.ctx.db.$client.prepare(`select actor, summary from case_events where action = 'evidence.downloaded'`).all();
    expect(events).toEqual([{ actor: '周婷', summary: '下载证据：证据一“a”（a.pdf）' }]);
  });
});
