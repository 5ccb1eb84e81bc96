import { randomUUID } from 'node:crypto';
import type { OfficerLogin, SessionInfo } from '@cqs/shared';
import type { Db } from '../../db/client';
import type { UserRow } from '../../db/types';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/errors';
import type { Clock } from '../../lib/clock';
import { maskCitizenId } from '../../lib/personal-data';
import { appendAudit } from '../audit/audit.service';
import type { UnitsService } from '../units/units.service';
import type { OidcClient, VerifiedIdentity } from './oidc.client';
import { burnPasswordCheck, verifyPassword } from './passwords';
import type { NewSession, SessionsService } from './sessions.service';
import { matchTotpStep } from './totp';
import { UsersRepository } from './users.repository';

export interface IdentityDeps {
  db: Db;
  clock: Clock;
  sessions: SessionsService;
  units: UnitsService;
  oidc: OidcClient | null;
  login: { maxFailures: number; lockMs: number };
}

/** `urn:vneid:loa:2` → 2; the last digit of the acr is the VNeID assurance level. */
export function assuranceLevelFromAcr(acr: unknown): number | null {
  if (typeof acr !== 'string') return null;
  const match = /(\d)$/.exec(acr);
  return match ? Number(match[1]) : null;
}

function claimString(claims: Record<string, unknown>, key: string, max = 200): string | null {
  const value = claims[key];
  return typeof value === 'string' && value.length > 0
    ? value.normalize('NFC').slice(0, max)
    : null;
}

/** Runs inside the sign-in transaction with the resident's account as stored. */
export type ResidentSignInHook = (trx: Db, user: UserRow, requestId: string) => Promise<void>;

export class IdentityService {
  private readonly users: UsersRepository;
  private readonly signInHooks: ResidentSignInHook[] = [];

  constructor(private readonly deps: IdentityDeps) {
    this.users = new UsersRepository(deps.db);
  }

  /** Another module's work at every resident sign-in (e.g. linking assisted dossiers). */
  onResidentSignIn(hook: ResidentSignInHook): void {
    this.signInHooks.push(hook);
  }

  /**
   * The account profile from verified ID-token claims (commune looked up before any transaction:
   * on PGlite a transaction holds the only connection).
   */
  async residentProfile(identity: VerifiedIdentity) {
    const c = identity.claims;
    const communeCode = claimString(c, 'commune_code', 10);
    const commune = communeCode ? await this.deps.units.find(communeCode) : undefined;
    const address = c.address as { formatted?: unknown } | undefined;
    return {
      full_name: claimString(c, 'name') ?? 'Công dân',
      citizen_id: claimString(c, 'citizen_id', 12),
      birth_date: claimString(c, 'birthdate', 10),
      gender: claimString(c, 'gender', 20),
      phone: claimString(c, 'phone_number', 20),
      email: claimString(c, 'email', 200),
      address: typeof address?.formatted === 'string' ? address.formatted.slice(0, 500) : null,
      commune_code: commune ? commune.code : null,
    };
  }

  /**
   * Residents: the user is keyed on (issuer, subject) only — never merged by phone or e-mail.
   * Creates or refreshes the account inside the caller's transaction; no session is made here.
   */
  async upsertResident(
    trx: Db,
    identity: VerifiedIdentity,
    profile: Awaited<ReturnType<IdentityService['residentProfile']>>,
  ): Promise<UserRow> {
    const now = this.deps.clock.now();
    const users = new UsersRepository(trx);
    const user = await users.findResident(identity.issuer, identity.subject);
    if (user) {
      await users.updateResidentProfile(user.id, { ...profile, updated_at: now });
      return (await users.findById(user.id))!;
    }
    const id = randomUUID();
    await users.insert({
      id,
      kind: 'resident',
      oidc_issuer: identity.issuer,
      oidc_subject: identity.subject,
      ...profile,
      created_at: now,
      updated_at: now,
    });
    return (await users.findById(id))!;
  }

  async completeResidentLogin(
    callbackUrl: URL,
    expected: { state: string; nonce: string; codeVerifier: string },
    requestId: string,
  ): Promise<NewSession> {
    if (!this.deps.oidc) throw new AppError('OIDC_UNAVAILABLE');
    const identity = await this.deps.oidc.finish(callbackUrl, expected);
    const profile = await this.residentProfile(identity);
    const acr = typeof identity.claims.acr === 'string' ? identity.claims.acr : null;

    return this.deps.db.transaction().execute(async (trx) => {
      const user = await this.upsertResident(trx, identity, profile);
      for (const hook of this.signInHooks) await hook(trx, user, requestId);
      const session = await this.deps.sessions.create(
        user.id,
        {
          acr,
          assuranceLevel: assuranceLevelFromAcr(acr),
        },
        trx,
      );
      await appendAudit(trx, this.deps.clock, {
        actor: {
          kind: 'resident',
          userId: user.id,
          sessionIdHash: session.idHash,
          csrfToken: '',
          assuranceLevel: null,
        },
        action: 'auth.resident.login',
        objectType: 'user',
        objectId: user.id,
        requestId,
        details: { acr },
      });
      return session;
    });
  }

  async officerLogin(input: OfficerLogin, requestId: string): Promise<NewSession> {
    const now = this.deps.clock.now();
    const user = await this.users.findByUsername(input.username);
    const fail = async (
      reason: string,
      code: 'INVALID_CREDENTIALS' | 'TOTP_REPLAYED' | 'ACCOUNT_LOCKED',
    ) => {
      await this.deps.db.transaction().execute(async (trx) => {
        if (user && code !== 'ACCOUNT_LOCKED') {
          await new UsersRepository(trx).recordFailure(
            user.id,
            this.deps.login.maxFailures,
            new Date(now.getTime() + this.deps.login.lockMs),
          );
        }
        await appendAudit(trx, this.deps.clock, {
          actor: { kind: 'anonymous' },
          action: 'auth.officer.login',
          objectType: 'user',
          objectId: user?.id ?? null,
          outcome: 'failure',
          requestId,
          details: { username: input.username.slice(0, 64), reason },
        });
      });
      return new AppError(code);
    };

    if (user?.kind !== 'officer' || user.disabled || !user.password_hash || !user.totp_secret) {
      await burnPasswordCheck(input.password);
      throw await fail('unknown_user', 'INVALID_CREDENTIALS');
    }
    if (user.locked_until && user.locked_until.getTime() > now.getTime()) {
      throw await fail('locked', 'ACCOUNT_LOCKED');
    }
    const passwordOk = await verifyPassword(user.password_hash, input.password);
    const step = matchTotpStep(user.totp_secret, input.totp, now);
    if (!passwordOk || step === null) {
      throw await fail(passwordOk ? 'bad_totp' : 'bad_password', 'INVALID_CREDENTIALS');
    }
    if (!(await this.users.consumeTotpStep(user.id, step, now))) {
      throw await fail('totp_replayed', 'TOTP_REPLAYED');
    }
    const grants = await this.users.grantsOf(user.id);
    return this.deps.db.transaction().execute(async (trx) => {
      const session = await this.deps.sessions.create(
        user.id,
        {
          activeUnitCode: grants[0]?.unitCode ?? null,
        },
        trx,
      );
      await appendAudit(trx, this.deps.clock, {
        actor: {
          kind: 'officer',
          userId: user.id,
          sessionIdHash: session.idHash,
          csrfToken: '',
          grants: [],
          activeUnitCode: null,
        },
        action: 'auth.officer.login',
        objectType: 'user',
        objectId: user.id,
        requestId,
      });
      return session;
    });
  }

  async logout(actor: Actor, requestId: string): Promise<void> {
    if (actor.kind === 'anonymous') return;
    await this.deps.db.transaction().execute(async (trx) => {
      await this.deps.sessions.destroy(actor.sessionIdHash, trx);
      await appendAudit(trx, this.deps.clock, {
        actor,
        action: `auth.${actor.kind}.logout`,
        objectType: 'user',
        objectId: actor.userId,
        requestId,
      });
    });
  }

  async switchUnit(actor: Actor, unitCode: string): Promise<void> {
    if (actor.kind !== 'officer') throw new AppError('FORBIDDEN');
    if (!actor.grants.some((g) => g.unitCode === unitCode)) throw new AppError('UNIT_NOT_GRANTED');
    await this.deps.sessions.setActiveUnit(actor.sessionIdHash, unitCode);
  }

  async sessionInfo(actor: Actor): Promise<SessionInfo> {
    if (actor.kind === 'anonymous') return { authenticated: false, user: null, csrfToken: null };
    const user = await this.users.findById(actor.userId);
    if (!user) return { authenticated: false, user: null, csrfToken: null };
    if (actor.kind === 'resident') {
      const commune = user.commune_code ? await this.deps.units.find(user.commune_code) : undefined;
      return {
        authenticated: true,
        csrfToken: actor.csrfToken,
        user: {
          kind: 'resident',
          id: user.id,
          fullName: user.full_name,
          communeCode: user.commune_code,
          communeName: commune?.full_name ?? null,
          assuranceLevel: actor.assuranceLevel,
          citizenIdMasked: maskCitizenId(user.citizen_id),
        },
      };
    }
    return {
      authenticated: true,
      csrfToken: actor.csrfToken,
      user: {
        kind: 'officer',
        id: user.id,
        fullName: user.full_name,
        username: user.username ?? '',
        grants: await this.users.grantsOf(user.id),
        activeUnitCode: actor.activeUnitCode,
        isDemo: user.is_demo,
      },
    };
  }
}
