import {
  type TeamActivityKind,
  type TeamIndicators,
  type TeamIndicatorsQuery,
  type TeamIndicatorValues,
  teamActivityKinds,
} from '@cqs/shared';
import type { Db } from '../../db/client';
import type { OfficerActor } from '../../http/actor';
import { AppError } from '../../http/errors';
import type { AccessPolicy } from '../access/policy';
import { TeamIndicatorsRepository } from './teams.indicators.repository';
import { TeamsRepository } from './teams.repository';

/** Individual help: one resident each. Training sessions count their attendees separately. */
const ONE_RESIDENT_KINDS: readonly TeamActivityKind[] = [
  'guided_online_service',
  'linked_vneid',
  'assisted_submission',
];

/** National status codes (DOMAIN.md §3) grouped into the outcomes the dashboard shows. */
export function outcomeOf(statusCode: number): keyof TeamIndicatorValues['dossierOutcomes'] {
  if (statusCode === 9 || statusCode === 10) return 'completed';
  if (statusCode === 3) return 'notAccepted';
  if (statusCode === 7 || statusCode === 8) return 'withdrawnOrStopped';
  return 'inProgress';
}

function empty(): TeamIndicatorValues {
  return {
    teams: 0,
    members: 0,
    activities: Object.fromEntries(teamActivityKinds.map((k) => [k, 0])) as Record<
      TeamActivityKind,
      number
    >,
    activitiesTotal: 0,
    residentsHelped: 0,
    trainingAttendees: 0,
    accountsLinked: 0,
    dossiersAssisted: 0,
    dossierOutcomes: { inProgress: 0, completed: 0, notAccepted: 0, withdrawnOrStopped: 0 },
  };
}

function add(into: TeamIndicatorValues, from: TeamIndicatorValues): void {
  into.teams += from.teams;
  into.members += from.members;
  for (const k of teamActivityKinds) into.activities[k] += from.activities[k];
  into.activitiesTotal += from.activitiesTotal;
  into.residentsHelped += from.residentsHelped;
  into.trainingAttendees += from.trainingAttendees;
  into.accountsLinked += from.accountsLinked;
  into.dossiersAssisted += from.dossiersAssisted;
  for (const k of Object.keys(into.dossierOutcomes) as (keyof typeof into.dossierOutcomes)[])
    into.dossierOutcomes[k] += from.dossierOutcomes[k];
}

/**
 * Indicators of the teams (issue 8 point 4) for a commune, broken down by village, or for the
 * province, broken down by commune. Computed from the rows on each call: ~2,100 teams and their
 * activities aggregate in one grouped query each.
 */
export class TeamIndicatorsService {
  constructor(private readonly deps: { db: Db; policy: AccessPolicy }) {}

  async indicators(actor: OfficerActor, q: TeamIndicatorsQuery): Promise<TeamIndicators> {
    await this.deps.policy.assert(actor, 'teams.read', q.unitCode);
    const repo = new TeamsRepository(this.deps.db);
    const counts = new TeamIndicatorsRepository(this.deps.db);
    const unit = await repo.unit(q.unitCode);
    if (!unit) throw new AppError('NOT_FOUND');
    const communes = await repo.communesUnder(q.unitCode);
    const codes = communes.map((c) => c.code);
    const by = unit.kind === 'commune' ? 'village' : 'commune';
    const range = { from: q.from, to: q.to };
    const [registry, activities, dossiers] = [
      await counts.registryCounts(codes, by),
      await counts.activityCounts(codes, by, range),
      await counts.assistedDossiers(codes, by, range),
    ];

    const groups = new Map<string, TeamIndicatorValues>();
    const group = (key: string) => {
      const found = groups.get(key);
      if (found) return found;
      const created = empty();
      groups.set(key, created);
      return created;
    };
    if (by === 'commune') for (const c of codes) group(c);
    for (const r of registry) {
      const g = group(r.key);
      g.teams += r.teams;
      g.members += r.members;
    }
    for (const a of activities) {
      const g = group(a.key);
      g.activities[a.kind] += a.n;
      g.activitiesTotal += a.n;
      if (ONE_RESIDENT_KINDS.includes(a.kind)) g.residentsHelped += a.n;
      if (a.kind === 'linked_vneid') g.accountsLinked += a.n;
      g.trainingAttendees += a.attendees;
    }
    for (const d of dossiers) {
      const g = group(d.key);
      g.dossiersAssisted += 1;
      g.dossierOutcomes[outcomeOf(d.status_code)] += 1;
    }

    const names = new Map(communes.map((c) => [c.code, c.name]));
    const totals = empty();
    const breakdown = [...groups.entries()]
      .map(([key, values]) => {
        add(totals, values);
        return { key, name: by === 'commune' ? (names.get(key) ?? key) : key, ...values };
      })
      .sort((a, b) => a.key.localeCompare(b.key, 'vi', { numeric: true }));
    return {
      unitCode: unit.code,
      unitName: unit.fullName,
      breakdownBy: by,
      includesDemo: registry.some((r) => r.demo > 0),
      totals,
      breakdown,
    };
  }
}
