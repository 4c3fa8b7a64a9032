/**
 * The renderer's initial JavaScript size, gzipped (target ≤ 150 KB), and the
 * longest main-thread task while 1,000 queue rows arrive (target < 50 ms), in
 * Debian's Chromium with a scripted window.mtp pushing the queue as main would.
 */
import { buildRenderer } from '../scripts/web-harness/build-renderer';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { fakeAnswersJson } from './support/renderer-fake-answers';

buildRenderer();
const root = resolve('out/web');
const html = await readFile(join(root, 'index.html'), 'utf8');
const initial = [
  ...html.matchAll(
    /<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\.?\/?([^"]+\.js)"/g,
  ),
].map((m) => m[1] ?? '');
let gzipped = 0;
for (const file of initial)
  gzipped += gzipSync(await readFile(join(root, file)), { level: 9 }).length;
console.log(
  `renderer: initial JavaScript ${initial.length} file(s), ${(gzipped / 1024).toFixed(1)} KB gzipped; target ≤ 150 KB: ${gzipped <= 150 * 1024 ? 'met' : 'NOT met'}`,
);

const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
};
const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const file = path === '/' ? 'index.html' : path;
  void readFile(join(root, file))
    .then((body) =>
      res
        .writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' })
        .end(body),
    )
    .catch(() => res.writeHead(404).end());
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

// Stands in for the preload: the channels the page opens with answer (renderer-fake-answers.ts),
// any other one refuses in words, and the queue arrives by numbered deltas.
const fakeMtp = `(() => {
  const listeners = new Set();
  let seq = 0;
  const answers = ${fakeAnswersJson()};
  const refused = { kind: 'invalid-input', message: 'Not part of this benchmark.', retryable: false };
  window.mtp = new Proxy({}, { get: (_t, name) => {
    if (name === 'on') return (event, l) => { if (event !== 'queue:changed') return () => undefined; listeners.add(l); return () => listeners.delete(l); };
    if (name === 'pathForFile') return undefined;
    if (name in answers) return () => Promise.resolve({ ok: true, value: answers[name] });
    return () => Promise.resolve({ ok: false, error: refused });
  } });
  const stages = ['queued', 'reading', 'uploading', 'processing', 'syncing', 'done'];
  window.__pushQueue = (count, round) => {
    const items = [];
    for (let i = 0; i < count; i++) {
      const stage = stages[(i + round) % stages.length];
      items.push({ id: (i + 1).toString(16).padStart(16, '0'), name: 'Sequence ' + i, folder: '/seq/' + i, stage, bytesSent: (round * 1000) % 5000, bytesTotal: 5000, mtpwSynced: stage === 'done', ...(stage === 'done' ? { activityId: String(18106372042 + i), activityUrl: 'https://www.strava.com/activities/' + (18106372042 + i), uploadId: String(8919699501 + i) } : {}) });
    }
    // Every row changed: the heaviest delta there can be.
    seq += 1;
    listeners.forEach((l) => l({ seq, changed: items, removed: [] }));
  };
})();`;

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
try {
  const context = await browser.newContext({ viewport: { width: 1100, height: 760 } });
  await context.addInitScript(fakeMtp);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(url);
  await page
    .getByRole('heading')
    .first()
    .waitFor()
    .catch((error: unknown) => {
      throw new Error(
        `renderer: the page did not show its first heading${pageErrors.length > 0 ? `; it failed with: ${pageErrors.join('; ')}` : ''}`,
        { cause: error },
      );
    });
  await page.evaluate(`(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration); }).observe({ type: 'longtask' });
  })()`);
  await page
    .getByRole('button', { name: /^Queue/ })
    .or(page.getByRole('link', { name: /^Queue/ }))
    .first()
    .click();
  // 1,000 rows arrive as main pushes them: growing by 100, then 20 full pushes of progress (every 150 ms in the app).
  for (let n = 100; n <= 1000; n += 100) {
    await page.evaluate(`window.__pushQueue(${n}, ${n})`);
    await page.waitForTimeout(150);
  }
  for (let round = 0; round < 20; round++) {
    await page.evaluate(`window.__pushQueue(1000, ${round})`);
    await page.waitForTimeout(150);
  }
  await page.mouse.wheel(0, 20_000);
  await page.waitForTimeout(300);
  const longest = Number(await page.evaluate('window.__longest'));
  const rows = Number(await page.evaluate(`document.querySelectorAll('[role="listitem"]').length`));
  console.log(
    `renderer: longest main-thread task while 1,000 rows arrive and update: ${longest.toFixed(0)} ms (0 = no task over 50 ms); ${rows} rows in the page at once; target < 50 ms: ${longest < 50 ? 'met' : 'NOT met'}`,
  );
} finally {
  await browser.close();
  server.close();
}
