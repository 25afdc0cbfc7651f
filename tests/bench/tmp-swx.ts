import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBarePage } from './bare-chromium';
const srv = spawn('python3', ['-m', 'http.server', '4311', '--bind', '127.0.0.1'], { cwd: '/tmp/swx', stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 800));
const page = await openBarePage('http://127.0.0.1:4311/index.html', mkdtempSync(join(tmpdir(), 'swx-')));
for (let i = 0; ; i++) { try { if (await page.evaluate(`document.readyState === 'complete' && location.pathname === '/index.html'`)) break; } catch {} await new Promise((r) => setTimeout(r, 100)); }
await page.evaluate(`(async () => { await navigator.serviceWorker.ready; if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true })); })()`);
const body = JSON.stringify([{ account_id: 'A1', credit_utilization: 0.3, days_past_due_12m: 1, num_open_accounts: 4, annual_income: 50000, debt_to_income: 0.2, months_on_book: 40, payment_to_balance: 0.1, region: 'north', age_band: '30-44' }]);
const cases: [string, string][] = [
  ['a GET 204 null', `fetch('/x/a')`],
  ['b GET stream json', `fetch('/x/b').then(r => r.json())`],
  ['e GET string json', `fetch('/x/e').then(r => r.json())`],
  ['f GET bytes json', `fetch('/x/f').then(r => r.json())`],
  ['c POST text → 204', `fetch('/x/c', { method: 'POST', body: B })`],
  ['d POST text → stream json', `fetch('/x/d', { method: 'POST', headers: {'content-type':'application/json', authorization: 'Bearer x'}, body: B }).then(r => r.json())`],
  ['g POST arrayBuffer → stream', `fetch('/x/g', { method: 'POST', body: B }).then(r => r.json())`],
  ['h POST body reader → stream', `fetch('/x/h', { method: 'POST', body: B }).then(r => r.json())`],
  ['d2 POST Uint8Array body', `fetch('/x/d', { method: 'POST', body: new TextEncoder().encode(B) }).then(r => r.json())`],
];
for (const round of [1, 2]) for (const [name, expr] of cases) {
  const r = await page.evaluate<number[]>(`(async () => { const B = ${JSON.stringify(body)}; const send = () => ${expr}; for (let i = 0; i < 50; i++) await send(); const t = []; for (let i = 0; i < 500; i++) { const s = performance.now(); await send(); t.push(performance.now() - s); } t.sort((a, b) => a - b); return [t[249], t[474], t.reduce((a,b)=>a+b)/t.length]; })()`);
  console.log(round, name.padEnd(30), r.map((x) => x.toFixed(2)).join('  '));
}
await page.close(); srv.kill();
