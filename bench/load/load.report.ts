import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Measured } from './load.run';

export interface Row {
  database: 'postgres' | 'pglite';
  scenario: string;
  title: string;
  connections: number;
  measured: Measured;
  /** req/s ÷ the ceiling's req/s in the same run; null for a ceiling or when none was run. */
  ratio: number | null;
  /** The goal for this row, and whether this run met it; null when it has none. */
  goal: { text: string; met: boolean | null } | null;
  /** Rows written per 2xx answer, checked in the database after the run; null = not checked. */
  verified: string | null;
}

const ms = (v: number) => (Number.isNaN(v) ? '—' : v.toFixed(v < 10 ? 2 : 1));

export function printTable(rows: Row[], log: (line: string) => void): void {
  const head = [
    'db',
    'scenario',
    'conns',
    'req/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'errors/non-2xx',
    'ratio',
    'goal',
  ];
  const cells = rows.map((r) => [
    r.database === 'postgres' ? 'pg' : 'pglite',
    r.title,
    String(r.connections),
    r.measured.rps.toFixed(1),
    ms(r.measured.p50),
    ms(r.measured.p95),
    ms(r.measured.p99),
    `${r.measured.errors}/${r.measured.non2xx}${r.measured.errors + r.measured.non2xx ? ' !!' : ''}`,
    r.ratio === null ? '—' : `${(r.ratio * 100).toFixed(0)}%`,
    r.goal ? `${r.goal.text}: ${r.goal.met === null ? 'n/a' : r.goal.met ? 'met' : 'MISSED'}` : '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    c.map((v, i) => (i <= 1 || i === 9 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
  log(line(head));
  for (const c of cells) log(line(c));
}

/** Says so loudly when a run had errors, non-2xx answers, was cut short or wrote the wrong rows. */
export function problemsOf(rows: Row[]): string[] {
  const problems: string[] = [];
  for (const r of rows) {
    const m = r.measured;
    const name = `${r.database} ${r.title}`;
    if (m.errors) problems.push(`${name}: ${m.errors} socket errors or timeouts`);
    if (m.non2xx) {
      problems.push(
        `${name}: ${m.non2xx} non-2xx answers ${JSON.stringify(m.statuses)}; first: ${m.samples.join(' | ')}`,
      );
    }
    if (m.stoppedEarly) problems.push(`${name}: stopped early — ${m.stoppedEarly}`);
    if (m.ok === 0) problems.push(`${name}: no successful request at all`);
    if (r.verified?.startsWith('MISMATCH')) problems.push(`${name}: ${r.verified}`);
  }
  return problems;
}

export function shout(problems: string[], log: (line: string) => void): void {
  if (problems.length === 0) return;
  const bar = '!'.repeat(78);
  log(`\n${bar}\nTHESE RESULTS ARE NOT VALID — the load did not run clean:`);
  for (const p of problems) log(`  - ${p}`);
  log(bar);
}

/** bench/results/load-<timestamp>.json (the directory is git-ignored: results are per machine). */
export function writeResults(results: unknown): string {
  const dir = fileURLToPath(new URL('../results/', import.meta.url));
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const file = path.join(dir, `load-${stamp}.json`);
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}
