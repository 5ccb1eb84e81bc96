/**
 * Web performance of the resident portal (issue 9): Lighthouse (mobile form factor, simulated
 * throttling — the default configuration) in Debian's chromium against the real product
 * (`node scripts/start.mjs`, demo mode, fresh data directory, free port) on four pages residents
 * reach first: home, a procedure page, dossier tracking and the report-a-problem form. Prints the
 * four category scores per page (the median run by performance when --runs > 1), the failing
 * audits of each category, and the first-load JS of the portal (apps/web/scripts/first-load-size.mjs).
 * Writes bench/results/lighthouse-<date>.json and rewrites the block between the markers in
 * docs/BENCHMARKS.md.
 *
 *   npm run bench:web -- [--runs=1] [--note="load average ~3 from another benchmark"] [--reports=dir]
 *   (--reports: also write each page's full Lighthouse report, HTML and JSON, into that folder)
 *   CHROME_PATH=/usr/bin/chromium (default)
 *
 * Goals: performance ≥ 95, accessibility 100, best practices ≥ 95; first-load JS ≤ 150 KB gzip.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import type { Result as LighthouseResult } from 'lighthouse';
import lighthouse from 'lighthouse';
import { startServer } from '../e2e/global-setup';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];
const GOALS: Partial<Record<Category, number>> = {
  performance: 95,
  accessibility: 100,
  'best-practices': 95,
};
/** Diagnostics kept for every page (they carry no weight but say what to fix). */
const DIAGNOSTICS = [
  'layout-shifts',
  'largest-contentful-paint-element',
  'render-blocking-resources',
];
const DOCS_START = '<!-- bench:web:start -->';
const DOCS_END = '<!-- bench:web:end -->';

/** Routes from apps/web/src/app.tsx; the procedure is one of the seeded catalogue's (Đăng ký khai sinh). */
const PAGES = [
  { name: 'home', path: '/' },
  { name: 'procedure', path: '/thu-tuc/1.001193' },
  { name: 'tracking', path: '/tra-cuu-ho-so' },
  { name: 'feedback form', path: '/phan-anh/gui' },
];

interface PageResult {
  name: string;
  path: string;
  scores: Record<Category, number>;
  /** Every run's performance score, to show the spread on a busy machine. */
  performanceRuns: number[];
  metrics: { fcpMs: number; lcpMs: number; tbtMs: number; cls: number; speedIndexMs: number };
  diagnostics: Record<string, unknown[]>;
  /** Audits that lost points, per category (weight > 0 or an accessibility/best-practices failure). */
  failing: Record<
    Category,
    { id: string; title: string; score: number | null; displayValue?: string; items: unknown[] }[]
  >;
}

function arg(name: string, fallback: string): string {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length) ?? fallback;
}

function score(lhr: LighthouseResult, category: Category): number {
  return Math.round((lhr.categories[category]?.score ?? 0) * 100);
}

function failingAudits(lhr: LighthouseResult, category: Category) {
  return (lhr.categories[category]?.auditRefs ?? [])
    .flatMap((ref) => {
      const audit = lhr.audits[ref.id];
      return audit ? [{ ref, audit }] : [];
    })
    .filter(
      ({ ref, audit }) =>
        ref.weight > 0 &&
        audit.score !== null &&
        audit.score < 1 &&
        audit.scoreDisplayMode !== 'informative' &&
        audit.scoreDisplayMode !== 'manual' &&
        audit.scoreDisplayMode !== 'notApplicable',
    )
    .map(({ audit }) => ({
      id: audit.id,
      title: audit.title,
      score: audit.score,
      displayValue: audit.displayValue,
      // What the audit points at (elements, requests, issues), enough to find the cause.
      items: detailItems(audit.details).slice(0, 5),
    }));
}

function detailItems(details: unknown): unknown[] {
  if (!details || typeof details !== 'object') return [];
  const { items } = details as { items?: unknown[] };
  return Array.isArray(items) ? items : [];
}

function numeric(lhr: LighthouseResult, id: string): number {
  return Math.round((lhr.audits[id]?.numericValue ?? Number.NaN) * 1000) / 1000;
}

async function audit(url: string, reportsDir: string, name: string): Promise<LighthouseResult> {
  // A fresh browser per run: a reused one fails the second trace (NO_NAVSTART) and would carry
  // the previous page's cache.
  const chrome = await chromeLauncher.launch({
    chromePath: CHROME_PATH,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  // The default configuration: mobile form factor and screen emulation, simulated slow 4G and
  // 4× CPU slowdown.
  const result = await lighthouse(url, {
    port: chrome.port,
    output: ['html', 'json'],
    logLevel: 'error',
    onlyCategories: [...CATEGORIES],
  }).finally(() => chrome.kill());
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  if (result.lhr.runtimeError) {
    throw new Error(`${url}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
  }
  if (reportsDir) {
    fs.mkdirSync(reportsDir, { recursive: true });
    const [html, json] = result.report as string[];
    const base = path.join(reportsDir, name.replaceAll(' ', '-'));
    fs.writeFileSync(`${base}.html`, html ?? '');
    fs.writeFileSync(`${base}.json`, json ?? '');
  }
  return result.lhr;
}

function firstLoadJs(): { kb: number; output: string } {
  const run = spawnSync(
    process.execPath,
    [path.join(root, 'apps/web/scripts/first-load-size.mjs')],
    {
      encoding: 'utf8',
    },
  );
  const output = `${run.stdout}${run.stderr}`;
  const match = output.match(/first-load JS ([\d.]+) KB gzip/);
  if (!match) throw new Error(`first-load-size.mjs printed no total:\n${output}`);
  return { kb: Number(match[1]), output };
}

function table(results: PageResult[]): string {
  const head = `${'page'.padEnd(15)}${'perf'.padStart(6)}${'a11y'.padStart(6)}${'best'.padStart(6)}${'seo'.padStart(6)}   perf runs   FCP ms  LCP ms  TBT ms    CLS`;
  const rows = results.map(
    (r) =>
      `${r.name.padEnd(15)}${String(r.scores.performance).padStart(6)}${String(r.scores.accessibility).padStart(6)}${String(r.scores['best-practices']).padStart(6)}${String(r.scores.seo).padStart(6)}   ${r.performanceRuns.join('/').padEnd(10)}${String(Math.round(r.metrics.fcpMs)).padStart(7)}${String(Math.round(r.metrics.lcpMs)).padStart(8)}${String(Math.round(r.metrics.tbtMs)).padStart(8)}${r.metrics.cls.toFixed(3).padStart(7)}`,
  );
  return [head, ...rows].join('\n');
}

function updateDocs(block: string): void {
  const file = path.join(root, 'docs/BENCHMARKS.md');
  const text = fs.readFileSync(file, 'utf8');
  const start = text.indexOf(DOCS_START);
  const end = text.indexOf(DOCS_END);
  if (start < 0 || end < start) {
    throw new Error(`docs/BENCHMARKS.md has no ${DOCS_START} … ${DOCS_END} block`);
  }
  const next = `${text.slice(0, start + DOCS_START.length)}\n${block}\n${text.slice(end)}`;
  fs.writeFileSync(file, next);
}

async function main(): Promise<void> {
  const runs = Math.max(1, Number(arg('runs', '1')));
  const note = arg('note', '');
  const reportsDir = arg('reports', '');
  // Always the embedded database: the scores are about the web app, not the database server.
  delete process.env.DATABASE_URL;
  const server = await startServer();
  const results: PageResult[] = [];
  try {
    for (const page of PAGES) {
      const url = `${server.baseUrl}${page.path}`;
      const lhrs: LighthouseResult[] = [];
      for (let i = 0; i < runs; i++)
        lhrs.push(await audit(url, reportsDir, `${page.name}-${i + 1}`));
      const byPerformance = [...lhrs].sort(
        (a, b) => score(a, 'performance') - score(b, 'performance'),
      );
      const lhr = byPerformance[Math.floor(byPerformance.length / 2)] as LighthouseResult;
      const result: PageResult = {
        name: page.name,
        path: page.path,
        scores: Object.fromEntries(CATEGORIES.map((c) => [c, score(lhr, c)])) as Record<
          Category,
          number
        >,
        performanceRuns: lhrs.map((l) => score(l, 'performance')),
        metrics: {
          fcpMs: numeric(lhr, 'first-contentful-paint'),
          lcpMs: numeric(lhr, 'largest-contentful-paint'),
          tbtMs: numeric(lhr, 'total-blocking-time'),
          cls: numeric(lhr, 'cumulative-layout-shift'),
          speedIndexMs: numeric(lhr, 'speed-index'),
        },
        diagnostics: Object.fromEntries(
          DIAGNOSTICS.map((id) => [id, detailItems(lhr.audits[id]?.details).slice(0, 5)]),
        ),
        failing: Object.fromEntries(CATEGORIES.map((c) => [c, failingAudits(lhr, c)])) as Record<
          Category,
          PageResult['failing'][Category]
        >,
      };
      results.push(result);
      console.log(
        `${page.name} ${page.path}: ${CATEGORIES.map((c) => `${c} ${result.scores[c]}`).join(', ')}`,
      );
      for (const c of CATEGORIES) {
        for (const f of result.failing[c]) console.log(`  [${c}] ${f.id} (${f.score}): ${f.title}`);
      }
    }
  } finally {
    await server.stop();
  }

  const js = firstLoadJs();
  const date = new Date().toISOString().slice(0, 10);
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  const summary = table(results);
  const belowGoal = results.flatMap((r) =>
    Object.entries(GOALS)
      .filter(([c, goal]) => r.scores[c as Category] < (goal ?? 0))
      .map(([c, goal]) => `${r.name} ${c} ${r.scores[c as Category]} < ${goal}`),
  );
  console.log(`\n${summary}\n\nfirst-load JS ${js.kb} KB gzip (budget 150 KB)`);
  console.log(
    belowGoal.length ? `Below goal: ${belowGoal.join('; ')}` : 'All pages meet the goals.',
  );

  const resultsDir = path.join(root, 'bench/results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const resultsFile = path.join(resultsDir, `lighthouse-${date}.json`);
  const lighthouseVersion = JSON.parse(
    fs.readFileSync(path.join(root, 'node_modules/lighthouse/package.json'), 'utf8'),
  ).version as string;
  const chromium = spawnSync(CHROME_PATH, ['--version'], { encoding: 'utf8' }).stdout.trim();
  fs.writeFileSync(
    resultsFile,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        lighthouse: lighthouseVersion,
        chromium,
        settings: 'default config: mobile form factor, simulated throttling (slow 4G, 4× CPU)',
        runsPerPage: runs,
        loadAverage: load,
        cpus: os.cpus().length,
        note,
        firstLoadJsKbGzip: js.kb,
        pages: results,
      },
      null,
      2,
    )}\n`,
  );
  // In the repository's format, so `npm run lint` stays clean after a run.
  spawnSync(path.join(root, 'node_modules/.bin/biome'), ['format', '--write', resultsFile], {
    stdio: 'ignore',
  });
  updateDocs(
    [
      `Run on ${date} with \`npm run bench:web${runs > 1 ? ` -- --runs=${runs}` : ''}\`, Lighthouse ${lighthouseVersion}, ${chromium}, ${os.cpus().length} vCPU, load average ${load} at the end${note ? ` (${note})` : ''}; results in \`bench/results/${path.basename(resultsFile)}\`.`,
      '',
      '```',
      summary,
      '',
      `first-load JS ${js.kb} KB gzip (budget 150 KB)`,
      belowGoal.length ? `below goal: ${belowGoal.join('; ')}` : 'all pages meet the goals',
      '```',
    ].join('\n'),
  );
  console.log(`Wrote ${path.relative(root, resultsFile)} and docs/BENCHMARKS.md`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
