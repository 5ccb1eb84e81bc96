/** Messages between the load driver (parent) and the server under load (child process). */

export interface ServerOptions {
  /** PostgreSQL URL of the benchmark database; null = embedded PGlite in a temporary directory. */
  databaseUrl: string | null;
  poolMax: number;
  logLevel: string;
  residents: number;
}

/** A resident's live session, as the browser would send it. */
export interface ResidentSession {
  cookie: string;
  csrf: string;
}

export interface Fixtures {
  appUrl: string;
  ceilingUrl: string;
  ceilingRows: number;
  database: 'postgres' | 'pglite';
  residents: ResidentSession[];
  /** The procedure submitted (its form needs no uploaded document). */
  procedureCode: string;
  /** Dossiers submitted during setup: public tracking look-ups. */
  tracking: { code: string; last4: string }[];
  officerCookie: string;
  dashboardQuery: string;
  open311: { apiKey: string; serviceCode: string; points: { lat: number; lng: number }[] };
}

/** A ready draft: its id and the index of its owner in `Fixtures.residents`. */
export interface ReadyDraft {
  id: string;
  resident: number;
}

export interface RowCounts {
  dossiers: number;
  dossierEvents: number;
  auditLog: number;
  outbox: number;
  feedbackReports: number;
}

export type ToServer =
  | { type: 'drafts'; id: number; count: number }
  | { type: 'rss'; id: number }
  | { type: 'counts'; id: number }
  | { type: 'stop' };

export type FromServer =
  | { type: 'ready'; fixtures: Fixtures }
  | { type: 'drafts'; id: number; drafts: ReadyDraft[] }
  | { type: 'rss'; id: number; rss: number; heapUsed: number }
  | { type: 'counts'; id: number; counts: RowCounts }
  | { type: 'failed'; message: string };
