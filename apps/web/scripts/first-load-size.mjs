#!/usr/bin/env node
/**
 * The first-load budget of the portal (UX.md: small bundles for residents on slow phones): the
 * gzip size of what dist/index.html loads before any route — the entry script, the modules it
 * preloads and the stylesheets. Lazy chunks (the back office, the dashboard, ECharts) are not
 * counted: they load when a page needs them. Exits 1 above the budget.
 *
 *   npm run build -w apps/web && node apps/web/scripts/first-load-size.mjs [distDir]
 *   FIRST_LOAD_BUDGET_KB=150 (default)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = path.resolve(process.argv[2] ?? fileURLToPath(new URL('../dist', import.meta.url)));
const budgetKb = Number(process.env.FIRST_LOAD_BUDGET_KB ?? 150);
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');

const assets = new Set();
for (const m of html.matchAll(/<script[^>]+src="([^"]+)"/g)) assets.add(m[1]);
for (const m of html.matchAll(/<link[^>]+rel="(?:modulepreload|stylesheet)"[^>]*href="([^"]+)"/g))
  assets.add(m[1]);
for (const m of html.matchAll(/<link[^>]+href="([^"]+)"[^>]*rel="(?:modulepreload|stylesheet)"/g))
  assets.add(m[1]);

let jsBytes = 0;
let cssBytes = 0;
for (const asset of assets) {
  const file = path.join(dist, asset.replace(/^\//, ''));
  const gz = gzipSync(fs.readFileSync(file), { level: 9 }).length;
  if (asset.endsWith('.css')) cssBytes += gz;
  else jsBytes += gz;
  console.log(`${(gz / 1024).toFixed(1).padStart(7)} KB  ${asset}`);
}
const kb = (n) => (n / 1024).toFixed(1);
console.log(`first-load JS ${kb(jsBytes)} KB gzip (budget ${budgetKb} KB), CSS ${kb(cssBytes)} KB`);
if (jsBytes > budgetKb * 1024) {
  console.error(`Over budget by ${kb(jsBytes - budgetKb * 1024)} KB`);
  process.exit(1);
}
