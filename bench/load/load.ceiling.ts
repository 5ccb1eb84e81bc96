import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../../apps/api/src/db/client';

/** Rows the read ceiling picks its primary keys from. */
export const CEILING_ROWS = 10_000;

/**
 * The ceiling each scenario is compared with: a bare Fastify (no plugins, hooks, schemas or
 * sessions) on the app's own database handle, so on the same connection pool. POST does one
 * single-row INSERT, GET one primary-key SELECT — the least a write or a read can cost here.
 * The scratch table belongs to the benchmark database only (never a migration).
 */
export async function startCeiling(db: Db): Promise<{ url: string; server: FastifyInstance }> {
  await sql`create table if not exists bench_ceiling (
    id bigint generated always as identity primary key,
    note text not null,
    created_at timestamptz not null default now()
  )`.execute(db);
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from bench_ceiling`.execute(
    db,
  );
  if ((rows[0]?.n ?? 0) < CEILING_ROWS) {
    await sql`insert into bench_ceiling (note)
      select 'dòng đọc ' || g from generate_series(1, ${CEILING_ROWS}) g`.execute(db);
  }

  const server = Fastify({ logger: false });
  server.post('/ceiling/write', async (request) => {
    const note = (request.body as { note?: unknown } | null)?.note;
    const inserted = await sql<{ id: number }>`
      insert into bench_ceiling (note) values (${String(note ?? '')}) returning id`.execute(db);
    return { id: inserted.rows[0]!.id };
  });
  server.get('/ceiling/read/:id', async (request, reply) => {
    const id = Number((request.params as { id: string }).id);
    const found = await sql<{ id: number; note: string }>`
      select id, note from bench_ceiling where id = ${id}`.execute(db);
    return found.rows[0] ?? reply.code(404).send({ error: 'not found' });
  });
  const url = await server.listen({ port: 0, host: '127.0.0.1' });
  return { url, server };
}
