import {
  type AlertIndicatorKey,
  type AlertSetting,
  type AlertSettings,
  type AlertSettingsUpdate,
  alertIndicatorKeys,
} from '@cqs/shared';
import type { Db } from '../../db/client';
import type { OfficerActor } from '../../http/actor';
import { AppError } from '../../http/errors';
import type { Clock } from '../../lib/clock';
import type { AccessPolicy } from '../access/policy';
import { appendAudit } from '../audit/audit.service';
import { AlertsRepository } from './dashboard.alerts.repository';

type Defaults = Omit<AlertSetting, 'key' | 'updatedAt' | 'updatedBy'>;

/**
 * Built-in thresholds until an administrator changes them. On-time rates follow the "90 %"
 * the steering committee watches; the others use Decision 766's thresholds where it gives one
 * and are off by default, so a new installation alerts only on what leaders asked for.
 */
export const DEFAULT_ALERT_SETTINGS: Record<AlertIndicatorKey, Defaults> = {
  on_time: {
    label: 'Tỷ lệ hồ sơ giải quyết đúng hạn',
    threshold: 0.9,
    enabled: true,
    periodDays: 30,
    minCount: 5,
  },
  end_to_end_online: {
    label: 'Tỷ lệ hồ sơ trực tuyến toàn trình',
    threshold: 0.8,
    enabled: false,
    periodDays: 30,
    minCount: 5,
  },
  online_share: {
    label: 'Tỷ lệ hồ sơ nộp trực tuyến',
    threshold: 0.5,
    enabled: false,
    periodDays: 30,
    minCount: 5,
  },
  paid_online: {
    label: 'Tỷ lệ hồ sơ thanh toán trực tuyến',
    threshold: 0.5,
    enabled: false,
    periodDays: 30,
    minCount: 5,
  },
  e_result: {
    label: 'Tỷ lệ hồ sơ có kết quả điện tử',
    threshold: 0.8,
    enabled: false,
    periodDays: 30,
    minCount: 5,
  },
  digitised: {
    label: 'Tỷ lệ hồ sơ được số hóa',
    threshold: 0.8,
    enabled: false,
    periodDays: 30,
    minCount: 5,
  },
  vneid_accounts: {
    label: 'Tỷ lệ hồ sơ trực tuyến xác thực VNeID mức 2',
    threshold: 0.8,
    enabled: false,
    periodDays: 30,
    minCount: 5,
  },
  feedback_on_time: {
    label: 'Tỷ lệ phản ánh trả lời đúng hạn',
    threshold: 0.9,
    enabled: true,
    periodDays: 30,
    minCount: 5,
  },
};

/**
 * Alert thresholds per indicator: everyone with 'dashboard.read' reads them; province and
 * system administrators ('dashboard.configure' over the province) change them, audited.
 */
export class AlertSettingsService {
  private readonly repo: AlertsRepository;

  constructor(
    private readonly deps: {
      db: Db;
      clock: Clock;
      policy: AccessPolicy;
      provinceCode: string;
    },
  ) {
    this.repo = new AlertsRepository(deps.db);
  }

  /** Every indicator: the stored setting, else the default. */
  async list(): Promise<AlertSettings> {
    const stored = new Map((await this.repo.listSettings()).map((r) => [r.indicator, r]));
    return {
      items: alertIndicatorKeys.map((key) => {
        const d = DEFAULT_ALERT_SETTINGS[key];
        const s = stored.get(key);
        return s
          ? {
              key,
              label: d.label,
              threshold: Number(s.threshold),
              enabled: s.enabled,
              periodDays: s.period_days,
              minCount: s.min_count,
              updatedAt: new Date(s.updated_at).toISOString(),
              updatedBy: s.updated_by_name ?? null,
            }
          : { key, ...d, updatedAt: null, updatedBy: null };
      }),
    };
  }

  /** Reading them needs 'dashboard.read' somewhere (any unit); they are province-wide. */
  async read(actor: OfficerActor): Promise<AlertSettings> {
    const units = [...new Set(actor.grants.map((g) => g.unitCode))];
    if (!(await this.deps.policy.filterUnits(actor, 'dashboard.read', units)).length) {
      throw new AppError('FORBIDDEN');
    }
    return this.list();
  }

  async update(
    actor: OfficerActor,
    input: AlertSettingsUpdate,
    requestId: string,
  ): Promise<AlertSettings> {
    const { db, clock, policy, provinceCode } = this.deps;
    await policy.assert(actor, 'dashboard.configure', provinceCode);
    const keys = input.items.map((i) => i.key);
    if (new Set(keys).size !== keys.length) throw new AppError('DASHBOARD_ALERT_SETTING_DUPLICATE');
    const before = new Map((await this.list()).items.map((i) => [i.key, i]));
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      for (const item of input.items) {
        await this.repo.upsertSetting(trx, {
          indicator: item.key,
          threshold: item.threshold,
          enabled: item.enabled,
          period_days: item.periodDays,
          min_count: item.minCount,
          updated_at: now,
          updated_by: actor.userId,
        });
      }
      const roles = await policy.rolesAt(actor, provinceCode);
      await appendAudit(trx, clock, {
        actor,
        role: roles.find((r) => r === 'province_admin' || r === 'system_admin') ?? null,
        unitCode: provinceCode,
        action: 'dashboard.alert_settings.update',
        objectType: 'dashboard_alert_settings',
        objectId: keys.join(','),
        requestId,
        details: {
          changes: input.items.map((item) => {
            const b = before.get(item.key);
            return {
              key: item.key,
              from: b && {
                threshold: b.threshold,
                enabled: b.enabled,
                periodDays: b.periodDays,
                minCount: b.minCount,
              },
              to: {
                threshold: item.threshold,
                enabled: item.enabled,
                periodDays: item.periodDays,
                minCount: item.minCount,
              },
            };
          }),
        },
      });
    });
    return this.list();
  }
}
