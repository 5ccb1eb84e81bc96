/**
 * Catalogue search latency: the in-memory index (MiniSearch over folded syllables with synonym
 * expansion, as served by GET /api/procedures) against a naive baseline measured in the same run
 * (fold every name and test `includes(foldedQuery)`, the simplest thing that handles diacritics).
 *
 *   npx tsx bench/catalogue-search.ts [rounds]
 *
 * Prints p50/p95/p99 per query set and the ratio to the baseline. Results go to docs/BENCHMARKS.md.
 */
import os from 'node:os';
import { foldVietnamese } from '@cqs/shared';
import {
  ProcedureSearchIndex,
  searchDocFrom,
} from '../apps/api/src/modules/catalogue/catalogue.search';
import { loadCatalogueRecords } from '../apps/api/src/modules/catalogue/catalogue.seed-data';

const ROUNDS = Number(process.argv[2] ?? 200);

/** What residents type: short, colloquial, abbreviated, sometimes misspelt. */
const WITH_MARKS = [
  'đăng ký khai sinh',
  'làm giấy khai sinh cho con',
  'đăng ký kết hôn',
  'đăng ký khai tử',
  'cấp CCCD',
  'làm căn cước',
  'cấp lại thẻ căn cước',
  'sổ đỏ',
  'sổ hộ khẩu',
  'đăng ký thường trú',
  'đăng ký tạm trú',
  'xác nhận tình trạng hôn nhân',
  'chứng thực bản sao',
  'công chứng giấy tờ',
  'lý lịch tư pháp',
  'cấp lại giấy phép lái xe',
  'đăng ký hộ kinh doanh',
  'thẻ bảo hiểm y tế',
  'giấy chứng nhận quyền sử dụng đất',
  'chuyển mục đích sử dụng đất',
  'giấy phép xây dựng',
  'trợ giúp pháp lý',
  'nhận con nuôi',
  'thay đổi cải chính hộ tịch',
  'mất căn cước',
];

const WITHOUT_MARKS = [
  'dang ky khai sinh',
  'dang ki khai sinh',
  'khai sinhh',
  'dang ky ket hon',
  'khai tu',
  'cap cccd',
  'lam can cuoc',
  'so do',
  'so ho khau',
  'thuong tru',
  'tam tru',
  'xac nhan doc than',
  'chung thuc',
  'sao y ban chinh',
  'lltp',
  'gplx',
  'hkd',
  'bhyt',
  'dat dai',
  'chuyen nhuong quyen su dung dat',
  'xay dung nha o',
  'ho tich',
  'con nuoi',
  'thue ho kinh doanh',
  'dang k',
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function measure(
  queries: string[],
  run: (q: string) => number,
): {
  p50: number;
  p95: number;
  p99: number;
  hits: number;
} {
  const times: number[] = [];
  let hits = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of queries) {
      const start = performance.now();
      const n = run(q);
      times.push(performance.now() - start);
      if (round === 0 && n > 0) hits++;
    }
  }
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    hits,
  };
}

const t0 = performance.now();
const records = loadCatalogueRecords();
const t1 = performance.now();
const index = new ProcedureSearchIndex(records.map(searchDocFrom));
const t2 = performance.now();
const communeFirst = new Map(
  records.map((r) => [r.code, r.levels.includes('xa') && !r.central_branch ? 1.5 : 1]),
);
const foldedNames = records.map((r) => foldVietnamese(r.name));

const indexed = (q: string) => index.search(q, { boost: (c) => communeFirst.get(c) ?? 1 }).length;
const naive = (q: string) => {
  const folded = foldVietnamese(q);
  let n = 0;
  for (const name of foldedNames) if (name.includes(folded)) n++;
  return n;
};

// Warm up the JIT on both paths before measuring.
for (const q of [...WITH_MARKS, ...WITHOUT_MARKS]) {
  indexed(q);
  naive(q);
}

const fmt = (ms: number) => ms.toFixed(3).padStart(8);
console.log(
  `catalogue-search  ${new Date().toISOString()}  node ${process.version}  ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}`,
);
console.log(
  `procedures ${records.length}; load ${(t1 - t0).toFixed(0)} ms; index build ${(t2 - t1).toFixed(0)} ms; ${ROUNDS} rounds per set`,
);
console.log('set                  engine     p50 ms   p95 ms   p99 ms  queries with hits');
for (const [label, queries] of [
  ['with diacritics', WITH_MARKS],
  ['without diacritics', WITHOUT_MARKS],
  ['all', [...WITH_MARKS, ...WITHOUT_MARKS]],
] as const) {
  const a = measure([...queries], indexed);
  const b = measure([...queries], naive);
  console.log(
    `${label.padEnd(20)} index   ${fmt(a.p50)} ${fmt(a.p95)} ${fmt(a.p99)}  ${a.hits}/${queries.length}`,
  );
  console.log(
    `${''.padEnd(20)} naive   ${fmt(b.p50)} ${fmt(b.p95)} ${fmt(b.p99)}  ${b.hits}/${queries.length}`,
  );
  console.log(
    `${''.padEnd(20)} ratio   ${(a.p50 / b.p50).toFixed(1).padStart(8)} ${(a.p95 / b.p95).toFixed(1).padStart(8)} ${(a.p99 / b.p99).toFixed(1).padStart(8)}  (index ÷ naive)`,
  );
}
