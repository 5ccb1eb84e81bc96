import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import type { Clock } from '../../lib/clock';
import { randomToken, sha256Hex } from '../../lib/tokens';
import { SessionsRepository } from './sessions.repository';
import { UsersRepository } from './users.repository';

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

export interface NewSession {
  /** The cookie value; only its hash is stored. */
  cookieValue: string;
  idHash: string;
  csrfToken: string;
}

// Writing last_seen_at on every request would turn reads into writes; a minute is precise enough
// for a 30-minute idle timeout.
const TOUCH_INTERVAL_MS = 60_000;

export class SessionsService {
  private readonly sessions: SessionsRepository;
  private readonly users: UsersRepository;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly policy: SessionPolicy,
  ) {
    this.sessions = new SessionsRepository(db);
    this.users = new UsersRepository(db);
  }

  async create(
    userId: string,
    extra: {
      acr?: string | null;
      assuranceLevel?: number | null;
      activeUnitCode?: string | null;
    } = {},
    trx: Db = this.db,
  ): Promise<NewSession> {
    const now = this.clock.now();
    const cookieValue = randomToken(32);
    const idHash = sha256Hex(cookieValue);
    const csrfToken = randomToken(32);
    await new SessionsRepository(trx).insert({
      id_hash: idHash,
      user_id: userId,
      csrf_token: csrfToken,
      acr: extra.acr ?? null,
      assurance_level: extra.assuranceLevel ?? null,
      active_unit_code: extra.activeUnitCode ?? null,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + this.policy.absoluteMs),
    });
    return { cookieValue, idHash, csrfToken };
  }

  /** The actor behind a cookie, or anonymous when the session is unknown, idle or expired. */
  async resolve(cookieValue: string | undefined): Promise<Actor> {
    if (!cookieValue || cookieValue.length > 128) return { kind: 'anonymous' };
    const idHash = sha256Hex(cookieValue);
    const row = await this.sessions.findWithUser(idHash);
    if (!row) return { kind: 'anonymous' };
    const now = this.clock.now();
    const idleExpired = now.getTime() - row.last_seen_at.getTime() >= this.policy.idleMs;
    if (row.disabled || idleExpired || row.expires_at.getTime() <= now.getTime()) {
      await this.sessions.delete(idHash);
      return { kind: 'anonymous' };
    }
    if (now.getTime() - row.last_seen_at.getTime() >= TOUCH_INTERVAL_MS) {
      await this.sessions.touch(idHash, now);
    }
    if (row.kind === 'resident') {
      return {
        kind: 'resident',
        userId: row.user_id,
        sessionIdHash: idHash,
        csrfToken: row.csrf_token,
        assuranceLevel: row.assurance_level,
      };
    }
    const grants = await this.users.grantsOf(row.user_id);
    return {
      kind: 'officer',
      userId: row.user_id,
      sessionIdHash: idHash,
      csrfToken: row.csrf_token,
      grants: grants.map((g) => ({ role: g.role, unitCode: g.unitCode })),
      activeUnitCode: row.active_unit_code,
    };
  }

  async destroy(idHash: string, trx: Db = this.db): Promise<void> {
    await new SessionsRepository(trx).delete(idHash);
  }

  async setActiveUnit(idHash: string, unitCode: string): Promise<void> {
    await this.sessions.setActiveUnit(idHash, unitCode);
  }

  async purgeExpired(): Promise<number> {
    const now = this.clock.now();
    return this.sessions.deleteExpired(now, new Date(now.getTime() - this.policy.idleMs));
  }
}
