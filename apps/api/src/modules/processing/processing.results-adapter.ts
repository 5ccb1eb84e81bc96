import type { Db } from '../../db/client';
import type { OfficerActor } from '../../http/actor';
import { AppError } from '../../http/errors';
import type { Clock } from '../../lib/clock';
import type { FilesRepository } from '../files/files.repository';
import type { PreparedResult as IssuedResult, ResultsService } from '../results/results.service';
import { type DossierRow, ProcessingRepository } from './processing.repository';
import { type PreparedResult, type ResultIssuer, resultBundle } from './processing.results';

const RESULT_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png']);

/** Processing's view of the e-results module. */
export class ResultsIssuer implements ResultIssuer {
  private readonly prepared = new WeakMap<PreparedResult, IssuedResult>();

  constructor(private readonly deps: { db: Db; results: ResultsService; files: FilesRepository }) {}

  async assertUsable(dossierId: string, fileId: string): Promise<void> {
    const file = await this.deps.files.findLive(fileId);
    if (!file || file.bundle_id !== resultBundle(dossierId) || !RESULT_TYPES.has(file.media_type)) {
      throw new AppError('RESULT_FILE_INVALID');
    }
  }

  async prepare(
    actor: OfficerActor,
    dossier: DossierRow,
    fileId: string,
    outcome: 'approved' | 'refused',
  ): Promise<PreparedResult> {
    await this.assertUsable(dossier.id, fileId);
    const repo = new ProcessingRepository(this.deps.db);
    const [procedure, unit] = await Promise.all([
      repo.procedureName(dossier.procedure_code, dossier.procedure_version),
      repo.findUnit(dossier.handling_unit_code),
    ]);
    const issued = await this.deps.results.prepare({
      actor,
      dossier: {
        id: dossier.id,
        code: dossier.code ?? dossier.reference,
        procedureName: procedure?.name ?? dossier.procedure_code,
        unitCode: dossier.handling_unit_code,
        unitName: unit?.full_name ?? dossier.handling_unit_code,
      },
      sourceFileId: fileId,
      outcome,
    });
    const handle = { id: issued.id };
    this.prepared.set(handle, issued);
    return handle;
  }

  async record(trx: Db, clock: Clock, prepared: PreparedResult, issuedBy: string): Promise<void> {
    const issued = this.prepared.get(prepared);
    if (!issued) throw new Error('record() needs a result from prepare()');
    await this.deps.results.record(trx, clock, issued, { issuedBy });
  }

  async open(resultId: string) {
    const file = await this.deps.results.openIssuedFile(resultId);
    return { stream: file.stream, name: file.name, mediaType: file.mediaType };
  }
}
