import type { Readable } from 'node:stream';
import type { Db } from '../../db/client';
import type { OfficerActor } from '../../http/actor';
import type { Clock } from '../../lib/clock';
import type { DossierRow } from './processing.repository';

/** An e-result issued (stamped, hashed, signed) but not yet recorded. */
export interface PreparedResult {
  id: string;
}

/**
 * What processing needs from the e-results module: issuing happens in two parts because file
 * bytes cannot be written inside a database transaction.
 */
export interface ResultIssuer {
  /** Throws RESULT_FILE_INVALID unless the file may become this dossier's result. */
  assertUsable(dossierId: string, fileId: string): Promise<void>;
  /** Before the transaction: stamps the verification QR, stores, hashes and signs. */
  prepare(
    actor: OfficerActor,
    dossier: DossierRow,
    fileId: string,
    outcome: 'approved' | 'refused',
  ): Promise<PreparedResult>;
  /** The issued file, for its applicant or the officers of the dossier. */
  open(resultId: string): Promise<{ stream: Readable; name: string; mediaType: string }>;
  /** Inside the action's transaction. */
  record(trx: Db, clock: Clock, prepared: PreparedResult, issuedBy: string): Promise<void>;
}

/** Where officers upload a dossier's result document before issuing it. */
export const resultBundle = (dossierId: string) => `result:${dossierId}`;
