import { foldVietnamese } from '@cqs/shared';
import type { Db } from '../../db/client';
import {
  ANONYMOUS_REPORTER,
  CATEGORY_SEEDS,
  FEEDBACK_ANSWER_DAYS,
  POWER_COMPANY,
  RULE_SEEDS,
} from './feedback.seed-data';

/**
 * Loads the feedback reference data. Idempotent and respectful of administrators: categories are
 * inserted when missing (names and answer days an administrator changed stay), rules only when the
 * table is empty (an edited rule set is never overwritten). Runs after seedUnits.
 */
export async function seedFeedback(db: Db, now: Date = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('units')
      .values({
        code: POWER_COMPANY.code,
        kind: 'external',
        name: POWER_COMPANY.name,
        full_name: POWER_COMPANY.fullName,
        type: POWER_COMPANY.type,
        parent_code: '66',
        name_en: POWER_COMPANY.nameEn,
        alt_spellings: JSON.stringify(['PC Đắk Lắk', 'Điện lực Đắk Lắk', 'EVN']),
        former_units: '[]',
        source: POWER_COMPANY.source,
        search_text: foldVietnamese(`${POWER_COMPANY.name} ${POWER_COMPANY.fullName} dien luc evn`),
      })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    for (const [i, c] of CATEGORY_SEEDS.entries()) {
      await trx
        .insertInto('feedback_categories')
        .values({
          code: c.code,
          parent_code: c.parentCode,
          name_vi: c.nameVi,
          name_en: c.nameEn,
          description_vi: c.descriptionVi,
          answer_days: FEEDBACK_ANSWER_DAYS,
          sort_order: (i + 1) * 10,
          department_code: c.departmentCode,
          created_at: now,
        })
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
    }
    const existing = await trx
      .selectFrom('feedback_routing_rules')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(existing.n) === 0) {
      for (const r of RULE_SEEDS) {
        await trx
          .insertInto('feedback_routing_rules')
          .values({
            id: crypto.randomUUID(),
            position: r.position,
            category_code: r.categoryCode,
            commune_code: null,
            area: null,
            target_kind: r.targetKind,
            target_unit_code: r.targetUnitCode,
            note: r.note,
            created_by: null,
            created_at: now,
            updated_at: now,
          })
          .execute();
      }
    }
    await trx
      .insertInto('users')
      .values({
        id: ANONYMOUS_REPORTER.id,
        kind: 'resident',
        full_name: ANONYMOUS_REPORTER.fullName,
        oidc_issuer: ANONYMOUS_REPORTER.issuer,
        oidc_subject: ANONYMOUS_REPORTER.subject,
        disabled: true,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  });
}
