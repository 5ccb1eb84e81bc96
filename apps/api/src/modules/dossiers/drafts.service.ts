import { randomUUID } from 'node:crypto';
import { type DraftView, type FormSchema, formForProcedure, prefillAnswers } from '@cqs/shared';
import type { Selectable } from 'kysely';
import type { Db } from '../../db/client';
import type { SignedInActor } from '../../http/actor';
import { AppError } from '../../http/errors';
import type { Clock } from '../../lib/clock';
import type { CatalogueService } from '../catalogue/catalogue.service';
import type { FilesService } from '../files/files.service';
import { UsersRepository } from '../identity/users.repository';
import { DossiersRepository } from './dossiers.repository';
import type { DraftsTable } from './dossiers.tables';

export interface DraftsDeps {
  db: Db;
  clock: Clock;
  catalogue: CatalogueService;
  files: FilesService;
}

/**
 * Online here means through this platform: the province offers it online, and it is not a
 * deconcentrated central agency's procedure (tax, customs, treasury), which those agencies receive.
 */
export function assertSubmittableOnline(detail: {
  centralBranch: boolean;
  local: { offeredOnline: boolean };
  whereToSubmit: { name: string };
}): void {
  if (detail.centralBranch) {
    throw new AppError('PROCEDURE_NOT_ONLINE', {
      messageVi: `Thủ tục này do ${detail.whereToSubmit.name} giải quyết, không nộp qua cổng của tỉnh. Vui lòng liên hệ cơ quan đó.`,
    });
  }
  if (!detail.local.offeredOnline) throw new AppError('PROCEDURE_NOT_ONLINE');
}

export const draftBundle = (draftId: string) => `draft:${draftId}`;
export const dossierBundle = (dossierId: string) => `dossier:${dossierId}`;

/**
 * Drafts are saved server-side as the resident goes, so a form started on a phone can be
 * finished on a computer. A draft belongs to one resident; another user's draft is "not found".
 */
export class DraftsService {
  private readonly repository: DossiersRepository;

  constructor(private readonly deps: DraftsDeps) {
    this.repository = new DossiersRepository(deps.db);
  }

  /** The e-form of the version in force: hand-written for the common procedures, else generic. */
  async formFor(
    procedureCode: string,
    actor: SignedInActor | { kind: 'anonymous' },
  ): Promise<FormSchema> {
    const detail = await this.deps.catalogue.get(procedureCode, { actor });
    return formForProcedure(detail.code, detail.record as never);
  }

  async create(actor: SignedInActor, procedureCode: string): Promise<DraftView> {
    const user = await new UsersRepository(this.deps.db).findById(actor.userId);
    const detail = await this.deps.catalogue.get(procedureCode, {
      actor,
      ...(user?.commune_code ? { communeCode: user.commune_code } : {}),
    });
    assertSubmittableOnline(detail);
    const form = formForProcedure(detail.code, detail.record as never);
    const answers = prefillAnswers(form, {
      fullName: user?.full_name ?? null,
      citizenId: user?.citizen_id ?? null,
      birthDate: user?.birth_date ?? null,
      gender: user?.gender ?? null,
      phone: user?.phone ?? null,
      email: user?.email ?? null,
      address: user?.address ?? null,
      communeCode: user?.commune_code ?? null,
    });
    const now = this.deps.clock.now();
    const id = randomUUID();
    await this.deps.db
      .insertInto('drafts')
      .values({
        id,
        user_id: actor.userId,
        procedure_code: detail.code,
        procedure_version: detail.version,
        answers: JSON.stringify(answers),
        current_step: form.steps[0]?.id ?? null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return this.get(actor, id);
  }

  async get(actor: SignedInActor, id: string): Promise<DraftView> {
    const draft = await this.repository.findDraft(id, actor.userId);
    if (!draft) throw new AppError('DRAFT_NOT_FOUND');
    return this.view(draft);
  }

  async list(actor: SignedInActor) {
    const drafts = await this.repository.listDrafts(actor.userId);
    const names = await this.repository.procedureNames(drafts.map((d) => d.procedure_code));
    return {
      items: drafts.map((d) => ({
        id: d.id,
        procedureCode: d.procedure_code,
        procedureVersion: d.procedure_version,
        procedureName: names.get(d.procedure_code) ?? d.procedure_code,
        currentStep: d.current_step,
        createdAt: d.created_at.toISOString(),
        updatedAt: d.updated_at.toISOString(),
        submittedDossierId: d.submitted_dossier_id,
      })),
    };
  }

  /** Autosave: the answers are stored as typed (validation happens at submission). */
  async update(
    actor: SignedInActor,
    id: string,
    input: { answers: Record<string, unknown>; currentStep?: string | null | undefined },
  ): Promise<DraftView> {
    const draft = await this.repository.findDraft(id, actor.userId);
    if (!draft) throw new AppError('DRAFT_NOT_FOUND');
    if (draft.submitted_dossier_id) throw new AppError('DRAFT_ALREADY_SUBMITTED');
    await this.deps.db
      .updateTable('drafts')
      .set({
        answers: JSON.stringify(input.answers),
        ...(input.currentStep !== undefined ? { current_step: input.currentStep } : {}),
        updated_at: this.deps.clock.now(),
      })
      .where('id', '=', id)
      .where('user_id', '=', actor.userId)
      .execute();
    return this.get(actor, id);
  }

  async remove(actor: SignedInActor, id: string): Promise<void> {
    const draft = await this.repository.findDraft(id, actor.userId);
    if (!draft) throw new AppError('DRAFT_NOT_FOUND');
    if (draft.submitted_dossier_id) throw new AppError('DRAFT_ALREADY_SUBMITTED');
    await this.deps.db.deleteFrom('drafts').where('id', '=', id).execute();
  }

  private async view(draft: Selectable<DraftsTable>): Promise<DraftView> {
    const names = await this.repository.procedureNames([draft.procedure_code]);
    const uploads = await this.deps.files.listBundle(draftBundle(draft.id), {
      ownerUserId: draft.user_id,
    });
    return {
      id: draft.id,
      procedureCode: draft.procedure_code,
      procedureVersion: draft.procedure_version,
      procedureName: names.get(draft.procedure_code) ?? draft.procedure_code,
      answers: draft.answers,
      currentStep: draft.current_step,
      createdAt: draft.created_at.toISOString(),
      updatedAt: draft.updated_at.toISOString(),
      submittedDossierId: draft.submitted_dossier_id,
      uploads: uploads.map((f) => ({ id: f.id, purpose: f.purpose, name: f.name, size: f.size })),
    };
  }
}
