import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { formattedAddress, maskCitizenId, sampleResidents } from './sample-residents';

interface CommunesFile {
  province: { code: string; full_name: string };
  communes: { code: string; full_name: string; province_code: string }[];
}

const communesFile = JSON.parse(
  gunzipSync(
    readFileSync(new URL('../../seed-data/admin-units/dak_lak_communes.json.gz', import.meta.url)),
  ).toString('utf8'),
) as CommunesFile;

/** Gender + century digit of the 12-digit citizen ID. */
function expectedGenderCenturyDigit(gender: 'male' | 'female', year: number): string {
  const century = year >= 2000 ? 2 : 0;
  return String(century + (gender === 'female' ? 1 : 0));
}

describe('sampleResidents', () => {
  it('has at least 8 residents with unique subjects, IDs and phones, mixing VNeID levels 1 and 2', () => {
    expect(sampleResidents.length).toBeGreaterThanOrEqual(8);
    expect(new Set(sampleResidents.map((r) => r.sub)).size).toBe(sampleResidents.length);
    expect(new Set(sampleResidents.map((r) => r.citizenId)).size).toBe(sampleResidents.length);
    expect(new Set(sampleResidents.map((r) => r.phoneNumber)).size).toBe(sampleResidents.length);
    expect(new Set(sampleResidents.map((r) => r.level))).toEqual(new Set([1, 2]));
    for (const r of sampleResidents) expect(r.sub).toMatch(/^demo-resident-\d{2}$/);
  });

  it.each(sampleResidents)('$sub has a citizen ID consistent with birthdate and gender', (r) => {
    expect(r.citizenId).toMatch(/^\d{12}$/);
    expect(['066', '054']).toContain(r.citizenId.slice(0, 3));

    expect(r.birthdate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const date = new Date(`${r.birthdate}T00:00:00Z`);
    expect(date.toISOString().slice(0, 10)).toBe(r.birthdate); // a real calendar date
    const year = date.getUTCFullYear();
    expect(year).toBeGreaterThanOrEqual(1900);
    expect(year).toBeLessThanOrEqual(new Date().getUTCFullYear() - 14); // old enough for a CCCD

    expect(['male', 'female']).toContain(r.gender);
    expect(r.citizenId[3]).toBe(expectedGenderCenturyDigit(r.gender, year));
    expect(r.citizenId.slice(4, 6)).toBe(String(year).slice(2));
  });

  it.each(sampleResidents)('$sub has a mobile number and a real commune of Đắk Lắk', (r) => {
    expect(r.phoneNumber).toMatch(/^0[35789]\d{8}$/);
    expect(r.commune.code).toMatch(/^\d{5}$/);
    const commune = communesFile.communes.find((c) => c.code === r.commune.code);
    expect(commune, r.commune.code).toBeDefined();
    expect(commune?.full_name).toBe(r.commune.fullName);
    expect(commune?.province_code).toBe(communesFile.province.code);
    expect(formattedAddress(r)).toBe(
      `${r.streetAddress}, ${r.commune.fullName}, ${communesFile.province.full_name}`,
    );
  });
});

describe('maskCitizenId', () => {
  it('keeps the first 4 and last 2 digits', () => {
    expect(maskCitizenId('066194452518')).toBe('0661******18');
    expect(maskCitizenId('123')).toBe('***');
  });
});
