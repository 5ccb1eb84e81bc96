import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import {
  type DossierRow,
  type NewDossierEvent,
  ProcessingRepository,
} from './processing.repository';

/**
 * Something else that must happen in the same transaction as every dossier event: today the
 * national-portal sync feed. Sinks see the dossier as it is after the change.
 */
export type DossierEventSink = (
  trx: Db,
  clock: Clock,
  event: { id: number; type: string; at: Date },
  dossier: DossierRow,
) => Promise<void>;

/** Appends the event (append-only log) and feeds every sink, inside the caller's transaction. */
export async function recordDossierEvent(
  trx: Db,
  clock: Clock,
  sinks: readonly DossierEventSink[],
  event: NewDossierEvent,
  dossier: DossierRow,
): Promise<number> {
  const id = await new ProcessingRepository(trx).insertEvent(event);
  for (const sink of sinks) await sink(trx, clock, { id, type: event.type, at: event.at }, dossier);
  return id;
}
