import { createHash } from 'node:crypto';
import {
  type CommuneMap,
  foldVietnamese,
  type UnitDetail,
  type UnitList,
  type UnitListQuery,
  type UnitSummary,
} from '@cqs/shared';
import { PointOutsideProvinceError, UnitNotFoundError } from './units.errors';
import { buildCommuneLocator, type CommuneLocator, type GeoJSONGeometry } from './units.geo';
import { buildCommuneMap } from './units.map';
import type { UnitRecord, UnitsRepository } from './units.repository';

/** The province map serialised once: the same bytes and ETag until the units are reloaded. */
export interface SerialisedCommuneMap {
  json: string;
  etag: string;
}

interface IndexedUnit {
  record: UnitRecord;
  foldedName: string;
  foldedFullName: string;
  words: string[];
}

/**
 * Administrative units change only by law (a few times a decade), so the service keeps them in
 * memory: search, hierarchy checks and point look-ups never go to the database on the hot path.
 * `reload()` refreshes after an administrator edits a unit.
 */
export class UnitsService {
  private units = new Map<string, IndexedUnit>();
  private locator: CommuneLocator | null = null;
  private loading: Promise<void> | null = null;
  private communeMap: Promise<SerialisedCommuneMap> | null = null;

  constructor(private readonly repository: UnitsRepository) {}

  async reload(): Promise<void> {
    const records = await this.repository.listAll();
    const next = new Map<string, IndexedUnit>();
    for (const record of records) {
      next.set(record.code, {
        record,
        foldedName: foldVietnamese(record.name),
        foldedFullName: foldVietnamese(record.full_name),
        words: record.search_text.split(' ').filter(Boolean),
      });
    }
    this.units = next;
    this.locator = null;
    this.communeMap = null;
  }

  private async ready(): Promise<void> {
    if (this.units.size > 0) return;
    this.loading ??= this.reload().finally(() => {
      this.loading = null;
    });
    await this.loading;
  }

  async list(query: UnitListQuery): Promise<UnitList> {
    await this.ready();
    const folded = query.q ? foldVietnamese(query.q) : '';
    const tokens = folded.split(' ').filter(Boolean);
    const scored: { unit: IndexedUnit; score: number }[] = [];
    for (const unit of this.units.values()) {
      const r = unit.record;
      if (query.kind && r.kind !== query.kind) continue;
      if (query.parent && r.parent_code !== query.parent) continue;
      const score = tokens.length ? this.score(unit, folded, tokens) : 5;
      if (score !== null) scored.push({ unit, score });
    }
    scored.sort(
      (a, b) => a.score - b.score || a.unit.record.name.localeCompare(b.unit.record.name, 'vi'),
    );
    const page = scored.slice(query.offset, query.offset + query.limit);
    return { items: page.map((s) => toSummary(s.unit.record)), total: scored.length };
  }

  /** Lower is better; null = no match. Every query word must start some word of the unit's text. */
  private score(unit: IndexedUnit, phrase: string, tokens: string[]): number | null {
    if (unit.record.code === phrase) return 0;
    const allTokens = tokens.every((t) => unit.words.some((w) => w.startsWith(t)));
    if (!allTokens) return null;
    if (unit.foldedName === phrase || unit.foldedFullName === phrase) return 0;
    if (unit.foldedName.startsWith(phrase)) return 1;
    if (unit.foldedFullName.includes(phrase)) return 2;
    if (` ${unit.record.search_text} `.includes(` ${phrase}`)) return 3;
    return 4;
  }

  async get(code: string): Promise<UnitDetail> {
    const record = await this.find(code);
    if (!record) throw new UnitNotFoundError(code);
    return toDetail(record);
  }

  async find(code: string): Promise<UnitRecord | undefined> {
    await this.ready();
    return this.units.get(code)?.record;
  }

  /** The unit and all its ancestors, nearest first: the basis of unit-scoped access. */
  async lineage(code: string): Promise<string[]> {
    await this.ready();
    const chain: string[] = [];
    let current = this.units.get(code)?.record;
    while (current && chain.length < 10) {
      chain.push(current.code);
      current = current.parent_code ? this.units.get(current.parent_code)?.record : undefined;
    }
    return chain;
  }

  /** The commune whose boundary contains the point; outside the province is an error. */
  async locate(lon: number, lat: number): Promise<UnitSummary> {
    await this.ready();
    if (!this.locator) {
      const rows = await this.repository.communeBoundaries();
      this.locator = buildCommuneLocator(
        new Map(rows.map((r) => [r.code, r.boundary as GeoJSONGeometry])),
      );
    }
    const code = this.locator.locate(lon, lat);
    const record = code ? this.units.get(code)?.record : undefined;
    if (!record) throw new PointOutsideProvinceError();
    return toSummary(record);
  }

  /** Simplified boundaries of every commune for an SVG map, computed once and kept in memory. */
  async map(): Promise<SerialisedCommuneMap> {
    this.communeMap ??= this.buildMap().catch((error: unknown) => {
      this.communeMap = null; // a failed build must not be cached
      throw error;
    });
    return this.communeMap;
  }

  private async buildMap(): Promise<SerialisedCommuneMap> {
    await this.ready();
    const rows = await this.repository.communeBoundaries();
    const map: CommuneMap = buildCommuneMap(
      rows.map((r) => ({
        code: r.code,
        name: this.units.get(r.code)?.record.full_name ?? r.code,
        geometry: r.boundary as GeoJSONGeometry,
      })),
    );
    const json = JSON.stringify(map);
    const etag = `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;
    return { json, etag };
  }
}

function toSummary(r: UnitRecord): UnitSummary {
  return {
    code: r.code,
    name: r.name,
    fullName: r.full_name,
    kind: r.kind,
    type: r.type,
    parentCode: r.parent_code,
  };
}

function toDetail(r: UnitRecord): UnitDetail {
  return {
    ...toSummary(r),
    nameEn: r.name_en,
    altSpellings: r.alt_spellings,
    areaKm2: r.area_km2,
    population: r.population,
    labelPoint:
      r.label_lon !== null && r.label_lat !== null ? { lon: r.label_lon, lat: r.label_lat } : null,
    adminCentre: r.admin_centre,
    legalBasis: r.legal_basis,
    formerUnits: r.former_units,
    source: r.source,
  };
}
