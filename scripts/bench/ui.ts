/**
 * The UI in Chromium (Debian's /usr/bin/chromium through playwright-core) against the real web
 * host, a separate process started with --automation on the folder:
 * - first paint of the case list (navigation → first rows drawn), fresh browser context each time;
 * - keystroke to results drawn: clerks' queries typed one character at a time; for each keystroke
 *   the time from the key to the list showing the results of the text typed so far;
 * - the largest case's page (1,000 workers) from navigation to its workers table drawn;
 * - the web host's resident memory, sampled throughout.
 * Floors, in the same page: an empty static file fetched and shown (first paint), and the page's own
 * fetch of the same API call without drawing (keystroke, case page).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { chromium, type Page } from 'playwright-core';
import { percentile, printTable, floorNote, type Row } from './measure';

type Host = { url: string; origin: string; token: string; child: ChildProcess; stop: () => Promise<void> };

function startHost(root: string, dataDir: string): Promise<Host> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/web/cli.ts', '--data', dataDir, '--automation'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`网页宿主未能启动：\n${output}`)), 300_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=(\S+))/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        url: match[1]!,
        origin: new URL(match[1]!).origin,
        token: match[2]!,
        child,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`网页宿主退出（${code}）：\n${output}`));
    });
  });
}

/** Peak resident memory of a process, sampled from /proc every 100 ms. */
function rssSampler(pid: number) {
  let peak = 0;
  const read = () => {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    peak = Math.max(peak, kb * 1024);
    return kb * 1024;
  };
  const timer = setInterval(() => {
    try {
      read();
    } catch {
      // the process has exited
    }
  }, 100);
  return { now: read, peak: () => peak, stop: () => clearInterval(timer) };
}

/**
 * Chromium 156 builds the address bar's WebUI popups (some 400 module requests, ~2.5 s of CPU in a
 * renderer of their own) for every new window, i.e. for each fresh context of the cold loads: on 2
 * cores that ran beside the page being measured and took half the machine. A person's browser has
 * built them once, long before opening our page, so they are switched off. Chromium keeps only the
 * last --disable-features, so Playwright's own list (playwright-core 1.65) is repeated here.
 */
const DISABLED_FEATURES = [
  'WebUIOmniboxPopup',
  'WebUIOmniboxFullPopup',
  'WebUIOmniboxAimPopup',
  // Playwright's defaults
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
];

/** Page-side marks: when a keystroke changed the search box, and when the case list showed results for which text. */
const INSTRUMENT = `
  window.__keys = [];
  window.__drawn = [];
  document.addEventListener('input', () => window.__keys.push(performance.now()), true);
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes' && r.attributeName === 'data-results-for') {
        const q = r.target.getAttribute('data-results-for');
        requestAnimationFrame(() => requestAnimationFrame(() => window.__drawn.push({ q, at: performance.now() })));
      }
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-results-for'] });
`;

async function typeAndMeasure(page: Page, text: string, origin: string, token: string): Promise<{ latencies: number[]; floors: number[] }> {
  const box = page.getByTestId('case-search');
  await box.fill('');
  await page.waitForFunction(() => document.querySelector('[data-testid=case-list]')?.getAttribute('data-results-for') === '');
  const latencies: number[] = [];
  const floors: number[] = [];
  let typed = '';
  for (const ch of text) {
    typed += ch;
    await page.evaluate(() => {
      (window as unknown as { __keys: number[]; __drawn: unknown[] }).__keys = [];
      (window as unknown as { __drawn: unknown[] }).__drawn = [];
    });
    await box.pressSequentially(ch); // a key press, or inserted text for a character no key types (as an IME commits it)
    const latency = await page.waitForFunction(
      (q) => {
        const w = window as unknown as { __keys: number[]; __drawn: { q: string; at: number }[] };
        const drawn = w.__drawn.find((d) => d.q === q);
        return drawn && w.__keys.length ? drawn.at - w.__keys[0]! : null;
      },
      typed,
      { timeout: 30_000 },
    );
    latencies.push((await latency.jsonValue()) as number);
    floors.push(
      await page.evaluate(
        async ({ origin, token, q }) => {
          const t0 = performance.now();
          const res = await fetch(`${origin}/api/cases.search`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-sucai-token': token }, body: JSON.stringify({ query: q, limit: 100 }) });
          await res.json();
          return performance.now() - t0;
        },
        { origin, token, q: typed },
      ),
    );
  }
  return { latencies, floors };
}

export async function benchUi(root: string, dataDir: string, runs: number): Promise<void> {
  // the queries typed, and the largest case, from the folder
  const db = new Database(path.join(dataDir, 'sucai.db'), { readonly: true });
  const name = db.prepare(`select name from workers where length(name) = 3 group by name order by count(*) desc limit 1`).pluck().get() as string;
  const idNumber = db.prepare(`select id_number from workers order by id limit 1 offset (select count(*) / 2 from workers)`).pluck().get() as string;
  const caseNumber = db.prepare(`select case_number from cases where case_number is not null order by id desc limit 1`).pluck().get() as string;
  const company = db.prepare(`select o.name from case_respondents r join organisations o on o.id = r.organisation_id where o.kind = 'company' group by o.id order by count(*) desc limit 1`).pluck().get() as string;
  const largest = db.prepare(`select id, worker_count as n from cases order by worker_count desc, id limit 1`).get() as { id: number; n: number };
  db.close();
  const queries = [name, 'zsm', idNumber.slice(0, 12), `第${/第(\d+)号/.exec(caseNumber)?.[1] ?? '1'}号`, company.slice(0, 6), caseNumber];

  console.log('\n界面（Chromium，网页宿主 --automation，单独进程）…');
  const host = await startHost(root, dataDir);
  const rss = rssSampler(host.child.pid!);
  const rssIdle = rss.now();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', `--disable-features=${DISABLED_FEATURES.join(',')}`],
  });
  try {
    // 1. first paint of the case list, cold (fresh context: nothing cached); floor: the host's smallest static file
    const assets = path.join(root, 'out', 'renderer', 'assets');
    const smallest = fs.readdirSync(assets).sort((a, b) => fs.statSync(path.join(assets, a)).size - fs.statSync(path.join(assets, b)).size)[0];
    const paints: number[] = [];
    const blank: number[] = [];
    const loads = Math.min(runs, 10);
    for (let i = 0; i < loads; i++) {
      const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
      const page = await context.newPage();
      const t0 = Date.now();
      await page.goto(`${host.url}#/cases`);
      await page.locator('[data-testid=case-list] [data-testid=case-row]').first().waitFor();
      paints.push(Date.now() - t0);
      const t1 = Date.now();
      await page.goto(`${host.origin}/assets/${smallest}`);
      blank.push(Date.now() - t1);
      await context.close();
    }

    // 2. keystroke to results drawn
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
    await context.addInitScript(INSTRUMENT);
    const page = await context.newPage();
    await page.goto(`${host.url}#/cases`);
    await page.locator('[data-testid=case-list] [data-testid=case-row]').first().waitFor();
    const latencies: number[] = [];
    const searchFloors: number[] = [];
    const rounds = Math.max(1, Math.round(runs / 10));
    for (let r = 0; r < rounds; r++) {
      for (const q of queries) {
        const m = await typeAndMeasure(page, q, host.origin, host.token);
        latencies.push(...m.latencies);
        searchFloors.push(...m.floors);
      }
    }

    // 3. the largest case's page, drawn
    const casePage: number[] = [];
    const caseFloor: number[] = [];
    for (let i = 0; i < Math.min(runs, 10); i++) {
      await page.goto(`${host.url}#/cases`);
      await page.locator('[data-testid=case-list] [data-testid=case-row]').first().waitFor();
      const t0 = Date.now();
      await page.evaluate((id) => (window.location.hash = `#/cases/${id}`), largest.id);
      await page.getByTestId('workers').locator('tbody tr').first().waitFor();
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      casePage.push(Date.now() - t0);
      caseFloor.push(
        await page.evaluate(
          async ({ origin, token, id }) => {
            const t = performance.now();
            const res = await fetch(`${origin}/api/cases.get`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-sucai-token': token }, body: JSON.stringify({ id }) });
            await res.json();
            return performance.now() - t;
          },
          { origin: host.origin, token: host.token, id: largest.id },
        ),
      );
    }
    const drawnRows = await page.getByTestId('workers').locator('tbody tr').count();
    await context.close();

    const med = (xs: number[]) => percentile(xs, 50);
    const rows: Row[] = [
      { label: '案件列表首次绘制（冷启动）', median: med(paints), p95: percentile(paints, 95), floor: med(blank), goal: '≤1000', result: `${loads} 次，每次新的浏览器上下文` },
      { label: '按键到结果绘制', median: med(latencies), p95: percentile(latencies, 95), floor: med(searchFloors), goal: 'p95≤100', result: `${latencies.length} 次按键：${queries.map((q) => `“${q}”`).join(' ')}` },
      { label: `案件页绘制（${largest.n}名申请人）`, median: med(casePage), p95: percentile(casePage, 95), floor: med(caseFloor), goal: '≤1000', result: `表格绘制 ${drawnRows} 行（虚拟滚动）` },
    ];
    printTable('界面（Chromium；毫秒）', rows);
    floorNote('首次绘制：同一宿主的一个静态小文件的加载与显示；按键与案件页：页面自己 fetch 同一 API（不绘制）');
    console.log(`  网页宿主内存：启动后 RSS ${(rssIdle / 1048576).toFixed(0)} MB，使用期间峰值 ${(rss.peak() / 1048576).toFixed(0)} MB（目标 ≤ 400 MB）`);
  } finally {
    rss.stop();
    await browser.close();
    await host.stop();
  }
}
