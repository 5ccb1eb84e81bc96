import { randomUUID } from 'node:crypto';
import type { FeedbackCategory, FeedbackRule } from '@cqs/shared';
import type { Db } from '../../db/client';
import type { OfficerActor } from '../../http/actor';
import { AppError } from '../../http/errors';
import type { Clock } from '../../lib/clock';
import type { AccessPolicy } from '../access/policy';
import { appendAudit } from '../audit/audit.service';
import type { GeoJSONGeometry } from '../units/units.geo';
import type { UnitsService } from '../units/units.service';
import type { FeedbackRepository } from './feedback.repository';
import { toRoutingRule } from './feedback.rules';
import type { FeedbackCategoryRow } from './feedback.tables';
import { type RoutingRule, routeReport } from './feedback-routing';

const PROVINCE = '66';

export function toCategory(row: FeedbackCategoryRow): FeedbackCategory {
  return {
    code: row.code,
    parentCode: row.parent_code,
    nameVi: row.name_vi,
    nameEn: row.name_en,
    descriptionVi: row.description_vi,
    answerDays: row.answer_days,
    departmentCode: row.department_code,
    active: row.active,
  };
}

function toApiRule(rule: RoutingRule): FeedbackRule & { id: string } {
  return {
    id: rule.id,
    categoryCode: rule.categoryCode,
    communeCode: rule.communeCode,
    area: rule.area as FeedbackRule['area'],
    targetKind: rule.targetKind,
    targetUnitCode: rule.targetUnitCode,
    note: rule.note,
    active: rule.active,
  };
}

/** Categories and routing rules, edited by province administrators (`feedback.manage`). */
export class FeedbackAdmin {
  constructor(
    private readonly deps: {
      db: Db;
      clock: Clock;
      repository: FeedbackRepository;
      units: UnitsService;
      policy: AccessPolicy;
    },
  ) {}

  async listCategories(): Promise<FeedbackCategory[]> {
    return (await this.deps.repository.listCategories()).map(toCategory);
  }

  async addSubCategory(
    actor: OfficerActor,
    input: {
      code: string;
      parentCode: string;
      nameVi: string;
      nameEn: string;
      descriptionVi?: string | undefined;
      answerDays?: number | undefined;
    },
    requestId: string,
  ): Promise<FeedbackCategory> {
    const { db, clock, repository, policy } = this.deps;
    await policy.assert(actor, 'feedback.manage', PROVINCE);
    const parent = await repository.findCategory(input.parentCode);
    if (!parent || parent.parent_code !== null) {
      throw field('parentCode', 'Chỉ thêm lĩnh vực con cho một lĩnh vực chính');
    }
    if (!input.code.startsWith(`${parent.code}.`)) {
      throw field('code', `Mã lĩnh vực con phải bắt đầu bằng "${parent.code}."`);
    }
    if (await repository.findCategory(input.code)) throw new AppError('FEEDBACK_CATEGORY_EXISTS');
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      await repository.insertCategory(trx, {
        code: input.code,
        parent_code: parent.code,
        name_vi: input.nameVi,
        name_en: input.nameEn,
        description_vi: input.descriptionVi ?? null,
        answer_days: input.answerDays ?? parent.answer_days,
        sort_order: parent.sort_order,
        department_code: parent.department_code,
        created_at: now,
      });
      await appendAudit(trx, clock, {
        actor,
        action: 'feedback.category.create',
        objectType: 'feedback_category',
        objectId: input.code,
        requestId,
        details: { parentCode: parent.code, nameVi: input.nameVi },
      });
    });
    return toCategory((await repository.findCategory(input.code))!);
  }

  async listRules(actor: OfficerActor): Promise<(FeedbackRule & { id: string })[]> {
    await this.deps.policy.assert(actor, 'feedback.manage', PROVINCE);
    return (await this.deps.repository.listRules()).map((r) => toApiRule(toRoutingRule(r)));
  }

  /** Replaces the whole ordered set: the array order is the matching order. */
  async saveRules(
    actor: OfficerActor,
    rules: FeedbackRule[],
    requestId: string,
  ): Promise<(FeedbackRule & { id: string })[]> {
    const { db, clock, repository, policy } = this.deps;
    await policy.assert(actor, 'feedback.manage', PROVINCE);
    await this.validate(rules);
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      await repository.replaceRules(
        trx,
        rules.map((r, i) => ({
          id: r.id ?? randomUUID(),
          position: (i + 1) * 10,
          category_code: r.categoryCode,
          commune_code: r.communeCode,
          area: r.area ? JSON.stringify(r.area) : null,
          target_kind: r.targetKind,
          target_unit_code: r.targetKind === 'unit' ? r.targetUnitCode : null,
          note: r.note,
          active: r.active,
          created_by: actor.userId,
          created_at: now,
          updated_at: now,
        })),
      );
      await appendAudit(trx, clock, {
        actor,
        action: 'feedback.rules.save',
        objectType: 'feedback_routing_rules',
        requestId,
        details: { count: rules.length },
      });
    });
    return this.listRules(actor);
  }

  /** Routes a sample (category + point or commune) through a rule set without saving it. */
  async test(
    actor: OfficerActor,
    input: {
      rules?: FeedbackRule[] | undefined;
      categoryCode: string;
      lat?: number | undefined;
      lng?: number | undefined;
      communeCode?: string | undefined;
    },
  ) {
    const { repository, units, policy } = this.deps;
    await policy.assert(actor, 'feedback.manage', PROVINCE);
    if (input.rules) await this.validate(input.rules);
    const rules: RoutingRule[] = input.rules
      ? input.rules.map((r, i) => ({
          id: r.id ?? `draft-${i}`,
          position: i,
          categoryCode: r.categoryCode,
          communeCode: r.communeCode,
          area: r.area as GeoJSONGeometry | null,
          targetKind: r.targetKind,
          targetUnitCode: r.targetUnitCode,
          note: r.note,
          active: r.active,
        }))
      : (await repository.listRules()).map(toRoutingRule);
    const point =
      input.lat !== undefined && input.lng !== undefined
        ? { lat: input.lat, lng: input.lng }
        : null;
    const communeCode = point
      ? (await units.locate(point.lng, point.lat)).code
      : (input.communeCode ?? null);
    const outcome = routeReport(rules, { categoryCode: input.categoryCode, communeCode, point });
    const sorted = [...rules].sort((a, b) => a.position - b.position);
    if (!outcome.matched) {
      return { matched: false, ruleIndex: null, unitCode: null, unitName: null, communeCode };
    }
    return {
      matched: true,
      ruleIndex: sorted.findIndex((r) => r.id === outcome.ruleId),
      unitCode: outcome.unitCode,
      unitName: (await units.find(outcome.unitCode))?.full_name ?? null,
      communeCode,
    };
  }

  private async validate(rules: FeedbackRule[]): Promise<void> {
    const { repository, units } = this.deps;
    for (const [i, r] of rules.entries()) {
      if (r.categoryCode && !(await repository.findCategory(r.categoryCode))) {
        throw field(`rules.${i}.categoryCode`, 'Lĩnh vực không tồn tại');
      }
      if (r.communeCode && (await units.find(r.communeCode))?.kind !== 'commune') {
        throw field(`rules.${i}.communeCode`, 'Không có xã, phường với mã này');
      }
      if (r.targetKind === 'unit') {
        if (!r.targetUnitCode || !(await units.find(r.targetUnitCode))) {
          throw field(`rules.${i}.targetUnitCode`, 'Không có đơn vị nhận với mã này');
        }
      }
    }
  }
}

function field(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', { fields: [{ path, message }] });
}
