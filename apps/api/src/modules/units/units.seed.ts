import { sql } from 'kysely';
import type { Db } from '../../db/client';
import {
  loadCommuneBoundaries,
  loadNationalCommunes,
  loadNationalProvinces,
  loadProvinceUnits,
} from './units.seed-data';

/**
 * Loads the real administrative units (apps/api/seed-data, see its PROVENANCE.md) into the
 * database. Idempotent: rows are upserted by code, so a restart or a newer data file updates them
 * without touching identifiers an administrator has set.
 */
export async function seedUnits(db: Db): Promise<{ units: number; national: number }> {
  const units = loadProvinceUnits();
  const boundaries = loadCommuneBoundaries();
  // Parents first, so the foreign key on parent_code holds row by row.
  const ordered = [...units].sort(
    (a, b) => Number(a.parentCode !== null) - Number(b.parentCode !== null),
  );
  await db.transaction().execute(async (trx) => {
    for (const u of ordered) {
      const boundary = boundaries.get(u.code);
      const values = {
        code: u.code,
        kind: u.kind,
        name: u.name,
        full_name: u.fullName,
        type: u.type,
        parent_code: u.parentCode,
        name_en: u.nameEn,
        alt_spellings: JSON.stringify(u.altSpellings),
        area_km2: u.areaKm2,
        population: u.population,
        label_lon: u.labelLon,
        label_lat: u.labelLat,
        admin_centre: u.adminCentre,
        legal_basis: u.legalBasis,
        former_units: JSON.stringify(u.formerUnits),
        boundary: boundary ? JSON.stringify(boundary) : null,
        source: u.source,
        search_text: u.searchText,
      };
      const { code: _code, ...updatable } = values;
      await trx
        .insertInto('units')
        .values(values)
        .onConflict((oc) => oc.column('code').doUpdateSet(updatable))
        .execute();
    }

    const provinces = loadNationalProvinces();
    const communes = loadNationalCommunes();
    await sql`delete from national_communes`.execute(trx);
    await sql`delete from national_provinces`.execute(trx);
    await trx
      .insertInto('national_provinces')
      .values(
        provinces.map((p) => ({
          code: p.code,
          name: p.name,
          full_name: p.fullName,
          type: p.type,
          label_lon: p.labelLon,
          label_lat: p.labelLat,
          area_km2: p.areaKm2,
          commune_count: p.communeCount,
        })),
      )
      .execute();
    for (let i = 0; i < communes.length; i += 500) {
      await trx
        .insertInto('national_communes')
        .values(
          communes.slice(i, i + 500).map((c) => ({
            code: c.code,
            name: c.name,
            full_name: c.fullName,
            type: c.type,
            province_code: c.provinceCode,
            province_name: c.provinceName,
            label_lon: c.labelLon,
            label_lat: c.labelLat,
            area_km2: c.areaKm2,
          })),
        )
        .execute();
    }
  });
  return { units: units.length, national: loadNationalCommunes().length };
}
