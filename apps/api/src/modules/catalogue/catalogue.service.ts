import type {
  CatalogueRecord,
  FeeOverrides,
  ProcedureDetail,
  ProcedureFieldList,
  ProcedureList,
  ProcedureListQuery,
  ProcedureLocalSettings,
  ProcedureSummary,
  ProcedureVersionList,
  ProcedureVersionSummary,
  PublishProcedureVersion,
} from '@cqs/shared';
import { permissions } from '@cqs/shared';
import type { Db } from '../../db/client';
import type { Actor, OfficerActor } from '../../http/actor';
import type { Clock } from '../../lib/clock';
import type { AccessPolicy } from '../access/policy';
import { appendAudit } from '../audit/audit.service';
import { PROVINCE_CODE } from '../units/departments';
import type { UnitsService } from '../units/units.service';
import {
  EffectiveFromInvalidError,
  ProcedureNotFoundError,
  ProcedureVersionConflictError,
  ResponsibleUnitUnknownError,
} from './catalogue.errors';
import type { CatalogueRepository, VersionSettingsRow } from './catalogue.repository';
import { ProcedureSearchIndex, searchDocFrom } from './catalogue.search';
import { whereToSubmit } from './catalogue.where';

const CODE_PATTERN = /^\d\.\d{6}$/;
/** Residents mostly need what their commune centre handles: ranked first, others still shown. */
export const COMMUNE_BOOST = 1.5;
/** A client clock a little behind ours still means "effective now". */
const EFFECTIVE_FROM_TOLERANCE_MS = 5 * 60_000;

interface IndexedProcedure {
  code: string;
  name: string;
  field: string;
  levels: ProcedureSummary['levels'];
  centralBranch: boolean;
  /** Ascending by version; effective dates never decrease (enforced at publish). */
  versions: VersionSettingsRow[];
}

interface CatalogueState {
  index: ProcedureSearchIndex;
  procedures: Map<string, IndexedProcedure>;
  /** All procedures in Vietnamese alphabetical order of name, then code. */
  byName: IndexedProcedure[];
}

export interface CatalogueServiceDeps {
  db: Db;
  repository: CatalogueRepository;
  clock: Clock;
  units: UnitsService;
  policy: AccessPolicy;
}

/**
 * The procedure catalogue: search and listing from an in-memory index (1,586 procedures; the
 * record text is the same in every version, so only the small local settings are per version
 * and the version in force is decided at query time), details and versions from the database.
 */
export class CatalogueService {
  private state: CatalogueState | null = null;
  private loading: Promise<CatalogueState> | null = null;

  constructor(private readonly deps: CatalogueServiceDeps) {}

  private async ready(): Promise<CatalogueState> {
    if (this.state) return this.state;
    this.loading ??= this.build().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  private async build(): Promise<CatalogueState> {
    const [sources, settings] = await Promise.all([
      this.deps.repository.listIndexSources(),
      this.deps.repository.listVersionSettings(),
    ]);
    const versions = groupByCode(settings);
    const procedures = new Map<string, IndexedProcedure>();
    for (const s of sources) {
      procedures.set(s.code, {
        code: s.code,
        name: s.name,
        field: s.field,
        levels: s.levels as IndexedProcedure['levels'],
        centralBranch: s.central_branch,
        versions: versions.get(s.code) ?? [],
      });
    }
    const collator = new Intl.Collator('vi');
    const byName = [...procedures.values()].sort(
      (a, b) => collator.compare(a.name, b.name) || (a.code < b.code ? -1 : 1),
    );
    const index = new ProcedureSearchIndex(sources.map(searchDocFrom));
    this.state = { index, procedures, byName };
    return this.state;
  }

  private inForce(p: IndexedProcedure, now: Date): VersionSettingsRow | undefined {
    for (let i = p.versions.length - 1; i >= 0; i--) {
      if (p.versions[i]!.effective_from.getTime() <= now.getTime()) return p.versions[i];
    }
    return undefined;
  }

  async list(query: ProcedureListQuery): Promise<ProcedureList> {
    const state = await this.ready();
    const now = this.deps.clock.now();
    const keep = (p: IndexedProcedure): VersionSettingsRow | undefined => {
      const v = this.inForce(p, now);
      if (!v) return undefined;
      if (query.level && !p.levels.includes(query.level)) return undefined;
      if (query.field && p.field !== query.field) return undefined;
      if (query.online !== undefined && v.offered_online !== query.online) return undefined;
      return v;
    };
    let matches: IndexedProcedure[];
    const q = query.q?.trim() ?? '';
    if (CODE_PATTERN.test(q)) {
      const p = state.procedures.get(q);
      matches = p && keep(p) ? [p] : [];
    } else if (q) {
      const found = state.index.search(q, {
        filter: (code) => keep(state.procedures.get(code)!) !== undefined,
        boost: (code) =>
          this.inForce(state.procedures.get(code)!, now)?.receiving_level === 'commune'
            ? COMMUNE_BOOST
            : 1,
      });
      matches = found.map((f) => state.procedures.get(f.code)!);
    } else {
      matches = state.byName.filter((p) => keep(p) !== undefined);
    }
    const page = matches.slice(query.offset, query.offset + query.limit);
    return {
      items: page.map((p) => ({
        code: p.code,
        name: p.name,
        field: p.field,
        levels: p.levels,
        online: this.inForce(p, now)?.offered_online ?? false,
        centralBranch: p.centralBranch,
      })),
      total: matches.length,
    };
  }

  async fields(): Promise<ProcedureFieldList> {
    const state = await this.ready();
    const counts = new Map<string, number>();
    for (const p of state.procedures.values()) counts.set(p.field, (counts.get(p.field) ?? 0) + 1);
    const collator = new Intl.Collator('vi');
    return {
      items: [...counts]
        .map(([field, count]) => ({ field, count }))
        .sort((a, b) => collator.compare(a.field, b.field)),
    };
  }

  async get(
    code: string,
    options: { actor: Actor; communeCode?: string },
  ): Promise<ProcedureDetail> {
    const { repository, clock, units } = this.deps;
    const row = await repository.findVersionInForce(code, clock.now());
    if (!row) throw new ProcedureNotFoundError(code);
    const record = row.record as unknown as CatalogueRecord;
    const local = localSettingsOf(row);
    const communeCode =
      options.communeCode ??
      (options.actor.kind === 'resident'
        ? await repository.findResidentCommune(options.actor.userId)
        : null) ??
      null;
    const commune = communeCode ? await units.find(communeCode) : undefined;
    const centre = await units.find(`${PROVINCE_CODE}-TTPVHCC`);
    return {
      code: record.code,
      name: record.name,
      field: record.field,
      levels: record.levels,
      centralBranch: record.central_branch,
      version: row.version,
      latestVersion: row.latest_version,
      effectiveFrom: new Date(row.effective_from).toISOString(),
      publishedAt: new Date(row.published_at).toISOString(),
      local,
      fees: record.channels.map((c) => {
        const o = local.feeOverrides[c.channel];
        return o
          ? { channel: c.channel, feeVnd: o.feeVnd, note: o.note, source: 'local' as const }
          : {
              channel: c.channel,
              feeVnd: c.fee_vnd,
              note: c.fee_or_time_note,
              source: 'catalogue' as const,
            };
      }),
      whereToSubmit: whereToSubmit(record, local, {
        commune: commune?.kind === 'commune' ? commune : undefined,
        provinceCentre: centre,
      }),
      record,
    };
  }

  async listVersions(code: string): Promise<ProcedureVersionList> {
    const rows = await this.deps.repository.listVersions(code);
    if (rows.length === 0) throw new ProcedureNotFoundError(code);
    const now = this.deps.clock.now().getTime();
    const inForce = [...rows].reverse().find((r) => new Date(r.effective_from).getTime() <= now);
    return {
      code,
      items: rows.map((r) => toVersionSummary(r, r.version === inForce?.version)),
    };
  }

  /**
   * Publishes version N+1: the record of version N copied verbatim with new local settings, in
   * one transaction with its audit row. Versions are append-only, so dossiers received under an
   * earlier version keep its time limits and fees.
   */
  async publish(
    actor: OfficerActor,
    code: string,
    input: PublishProcedureVersion,
    requestId: string,
  ): Promise<ProcedureVersionSummary> {
    const { db, repository, clock, units, policy } = this.deps;
    await policy.assert(actor, 'catalogue.publish', PROVINCE_CODE);
    if (input.responsibleUnitCode && !(await units.find(input.responsibleUnitCode))) {
      throw new ResponsibleUnitUnknownError(input.responsibleUnitCode);
    }
    const now = clock.now();
    let effectiveFrom = input.effectiveFrom ? new Date(input.effectiveFrom) : now;
    if (effectiveFrom.getTime() < now.getTime() - EFFECTIVE_FROM_TOLERANCE_MS) {
      // Back-dating would change which version was in force for dossiers already received.
      throw new EffectiveFromInvalidError();
    }
    if (effectiveFrom < now) effectiveFrom = now;
    const allowed: readonly string[] = permissions['catalogue.publish'];
    const role = actor.grants.find(
      (g) => allowed.includes(g.role) && g.unitCode === PROVINCE_CODE,
    )?.role;

    const version = await db.transaction().execute(async (trx) => {
      const latest = await repository.lockLatest(trx, code);
      if (!latest) throw new ProcedureNotFoundError(code);
      if (input.baseVersion !== undefined && input.baseVersion !== latest.version) {
        throw new ProcedureVersionConflictError(latest.version);
      }
      if (effectiveFrom < new Date(latest.effective_from)) throw new EffectiveFromInvalidError();
      const next = latest.version + 1;
      await repository.insertVersion(trx, {
        code,
        version: next,
        offeredOnline: input.offeredOnline,
        onlineLevel: input.onlineLevel,
        receivingLevel: input.receivingLevel,
        responsibleUnitCode: input.responsibleUnitCode,
        feeOverrides: input.feeOverrides,
        localNotes: input.localNotes,
        publishedAt: now,
        publishedBy: actor.userId,
        effectiveFrom,
      });
      await appendAudit(trx, clock, {
        actor,
        role: role ?? null,
        unitCode: PROVINCE_CODE,
        action: 'catalogue.publish',
        objectType: 'procedure',
        objectId: code,
        requestId,
        details: {
          version: next,
          previousVersion: latest.version,
          effectiveFrom: effectiveFrom.toISOString(),
          settings: {
            offeredOnline: input.offeredOnline,
            onlineLevel: input.onlineLevel,
            receivingLevel: input.receivingLevel,
            responsibleUnitCode: input.responsibleUnitCode,
            feeOverrides: input.feeOverrides,
            localNotes: input.localNotes,
          },
        },
      });
      return next;
    });
    await this.refreshSettings(code);
    const versions = await this.listVersions(code);
    return versions.items.find((v) => v.version === version)!;
  }

  /** Re-reads one procedure's version settings into the index after a publish. */
  private async refreshSettings(code: string): Promise<void> {
    if (!this.state) return;
    const p = this.state.procedures.get(code);
    if (p) p.versions = await this.deps.repository.listVersionSettings(code);
  }
}

function groupByCode(rows: VersionSettingsRow[]): Map<string, VersionSettingsRow[]> {
  const out = new Map<string, VersionSettingsRow[]>();
  for (const r of rows) {
    const list = out.get(r.procedure_code) ?? [];
    list.push({ ...r, effective_from: new Date(r.effective_from) });
    out.set(r.procedure_code, list);
  }
  return out;
}

function localSettingsOf(row: {
  offered_online: boolean;
  online_level: 'toan_trinh' | 'mot_phan' | null;
  receiving_level: 'commune' | 'province';
  responsible_unit_code: string | null;
  fee_overrides: FeeOverrides;
  local_notes: string | null;
}): ProcedureLocalSettings {
  return {
    offeredOnline: row.offered_online,
    onlineLevel: row.online_level,
    receivingLevel: row.receiving_level,
    responsibleUnitCode: row.responsible_unit_code,
    feeOverrides: row.fee_overrides ?? {},
    localNotes: row.local_notes,
  };
}

function toVersionSummary(
  r: Parameters<typeof localSettingsOf>[0] & {
    version: number;
    published_at: Date;
    published_by: string | null;
    effective_from: Date;
  },
  inForce: boolean,
): ProcedureVersionSummary {
  return {
    ...localSettingsOf(r),
    version: r.version,
    publishedAt: new Date(r.published_at).toISOString(),
    publishedBy: r.published_by,
    effectiveFrom: new Date(r.effective_from).toISOString(),
    inForce,
  };
}
