import type { Db } from '../../db/client';
import type { AccessPolicy } from '../access/policy';
import type { FilesService } from '../files/files.service';
import { DossiersRepository } from './dossiers.repository';

// The dossier's documents, and the result documents officers draft for it (result:<id>).
const DOSSIER_BUNDLE = /^(?:dossier|result):([0-9a-f-]{36})$/;

/**
 * Officers may read the documents of a dossier received or handled by a unit they hold a dossier
 * role in (the same policy as the dossier itself). Residents read only their own uploads (the files module).
 */
export function allowOfficersToReadDossierFiles(
  files: FilesService,
  policy: AccessPolicy,
  db: Db,
): void {
  const dossiers = new DossiersRepository(db);
  files.addReadCheck(async (actor, file) => {
    if (actor.kind !== 'officer') return false;
    const match = DOSSIER_BUNDLE.exec(file.bundleId);
    if (!match) return false;
    const dossier = await dossiers.findDossier(match[1]!);
    if (!dossier) return false;
    // The unit processing it now (after a transfer) reads them too.
    return (
      (await policy.can(actor, 'dossiers.read', dossier.receiving_unit_code)) ||
      (await policy.can(actor, 'dossiers.read', dossier.handling_unit_code))
    );
  });
}
