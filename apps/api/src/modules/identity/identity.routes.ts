import { OfficerLogin, SessionInfo, SwitchUnit } from '@cqs/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppConfig } from '../../config';
import type { Db } from '../../db/client';
import { clearSessionCookie, setSessionCookie } from '../../http/auth';
import { AppError } from '../../http/errors';
import type { Clock } from '../../lib/clock';
import { sha256Hex } from '../../lib/tokens';
import type { IdentityService } from './identity.service';
import type { OidcClient } from './oidc.client';
import {
  beginOidcLogin,
  OIDC_COOKIE,
  type OidcPurposes,
  oidcCookieOptions,
  type PendingLogin,
} from './oidc.purposes';
import type { SessionsService } from './sessions.service';

/** Only same-site paths: an open redirect after sign-in would hand sessions to phishing pages. */
export function safeReturnPath(value: string | undefined): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/';
  return value.slice(0, 500);
}

export interface IdentityRouteDeps {
  config: AppConfig;
  db: Db;
  clock: Clock;
  identity: IdentityService;
  sessions: SessionsService;
  oidc: OidcClient | null;
  /** Sign-ins for another purpose than a session (assisted consent), dispatched at the callback. */
  purposes?: OidcPurposes;
}

export function identityRoutes(app: FastifyInstance, deps: IdentityRouteDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { config, identity } = deps;
  const cookieOptions = oidcCookieOptions(config);

  r.get(
    '/api/auth/session',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Who is signed in, and the CSRF token for writes',
        response: { 200: SessionInfo },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return identity.sessionInfo(request.actor);
    },
  );

  r.get(
    '/api/auth/oidc/start',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Start resident sign-in with the identity provider (VNeID in production)',
        querystring: z.object({ returnTo: z.string().max(500).optional() }).strict(),
      },
    },
    async (request, reply) =>
      beginOidcLogin(deps, reply, { returnTo: safeReturnPath(request.query.returnTo) }),
  );

  r.get(
    '/api/auth/oidc/callback',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Redirect target of the identity provider',
        querystring: z.record(z.string(), z.string().max(4096)),
      },
    },
    async (request, reply) => {
      const pending = await takePendingLogin(deps, request);
      reply.clearCookie(OIDC_COOKIE, cookieOptions);
      if (!pending) throw new AppError('OIDC_STATE_MISMATCH');
      if (request.query.state !== pending.state) throw new AppError('OIDC_STATE_MISMATCH');
      const callbackUrl = new URL(request.url, config.publicUrl);
      if (pending.purpose !== 'sign_in') {
        // Another purpose (a resident's consent on a team member's device): its handler gets the
        // answer; no session is created and the caller's own session is neither replaced nor used
        // here.
        const handler = deps.purposes?.get(pending.purpose);
        if (!handler) throw new AppError('OIDC_STATE_MISMATCH');
        return handler(request, reply, pending, { callbackUrl, error: request.query.error });
      }
      if (request.query.error) throw new AppError('OIDC_LOGIN_FAILED');
      // Rotate: a session that existed before sign-in is dropped, never upgraded.
      await identity.logout(request.actor, request.id);
      const session = await identity.completeResidentLogin(callbackUrl, pending, request.id);
      setSessionCookie(reply, config, session.cookieValue);
      return reply.redirect(pending.returnTo, 302);
    },
  );

  r.post(
    '/api/auth/officer/login',
    {
      config: {
        access: 'public',
        // No session exists yet; the JSON content type already forces a CORS preflight cross-site.
        csrf: false,
        rateLimit: { max: config.login.ratePerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['auth'],
        summary: 'Officer sign-in with password and TOTP code',
        body: OfficerLogin,
        response: { 200: SessionInfo },
      },
    },
    async (request, reply) => {
      const session = await identity.officerLogin(request.body, request.id);
      await identity.logout(request.actor, request.id);
      setSessionCookie(reply, config, session.cookieValue);
      reply.header('cache-control', 'no-store');
      return identity.sessionInfo(await deps.sessions.resolve(session.cookieValue));
    },
  );

  r.post(
    '/api/auth/logout',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Sign out and destroy the session',
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await identity.logout(request.actor, request.id);
      clearSessionCookie(reply, config);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/auth/officer/unit',
    {
      config: { access: 'officer' },
      schema: {
        tags: ['auth'],
        summary: 'Switch the unit the officer is working in',
        body: SwitchUnit,
        response: { 200: SessionInfo },
      },
    },
    async (request) => {
      await identity.switchUnit(request.actor, request.body.unitCode);
      const actor = request.actor;
      return identity.sessionInfo(
        actor.kind === 'officer' ? { ...actor, activeUnitCode: request.body.unitCode } : actor,
      );
    },
  );
}

async function takePendingLogin(
  deps: IdentityRouteDeps,
  request: FastifyRequest,
): Promise<PendingLogin | undefined> {
  const cookie = request.cookies[OIDC_COOKIE];
  if (!cookie) return undefined;
  const idHash = sha256Hex(cookie);
  // Single use: deleting it first means a replayed callback finds nothing.
  const row = await deps.db
    .deleteFrom('oidc_logins')
    .where('id_hash', '=', idHash)
    .returningAll()
    .executeTakeFirst();
  if (!row || row.expires_at.getTime() <= deps.clock.now().getTime()) return undefined;
  return {
    state: row.state,
    nonce: row.nonce,
    codeVerifier: row.code_verifier,
    returnTo: row.return_to,
    purpose: row.purpose,
    purposeRef: row.purpose_ref,
    boundSession: row.bound_session,
  };
}
