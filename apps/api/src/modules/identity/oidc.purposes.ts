import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../../config';
import type { Db } from '../../db/client';
import { AppError } from '../../http/errors';
import type { Clock } from '../../lib/clock';
import { randomToken, sha256Hex } from '../../lib/tokens';
import type { OidcClient } from './oidc.client';

export const OIDC_COOKIE = 'cqs_oidc';
export const OIDC_LOGIN_TTL_MS = 10 * 60_000;

export function oidcCookieOptions(config: AppConfig) {
  return {
    path: '/api/auth/oidc',
    httpOnly: true,
    secure: config.secureCookies,
    // Lax: the provider's redirect back is a top-level GET navigation, which Lax cookies follow.
    sameSite: 'lax' as const,
    maxAge: OIDC_LOGIN_TTL_MS / 1000,
  };
}

/** A pending sign-in taken (single use) from `oidc_logins` at the callback. */
export interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  /** 'sign_in' makes a portal session; any other purpose is handed to its registered handler. */
  purpose: string;
  purposeRef: string | null;
  /** sha256 of the session that started a purpose sign-in. */
  boundSession: string | null;
}

/**
 * What a purpose does with the provider's answer at the callback. It never receives a session:
 * the callback creates none for a purpose sign-in and leaves the caller's session as it is.
 */
export type PurposeHandler = (
  request: FastifyRequest,
  reply: FastifyReply,
  pending: PendingLogin,
  outcome: { callbackUrl: URL; error: string | undefined },
) => Promise<FastifyReply>;

/**
 * Sign-ins through the identity provider for something other than a portal session (the resident
 * consenting on a team member's device, issue 8 §3). They share the one registered redirect URI
 * (VNeID registers each URI of a relying party), and the pending row says which purpose it is.
 */
export class OidcPurposes {
  private readonly handlers = new Map<string, PurposeHandler>();

  register(purpose: string, handler: PurposeHandler): void {
    if (purpose === 'sign_in' || this.handlers.has(purpose))
      throw new Error(`OIDC purpose already registered: ${purpose}`);
    this.handlers.set(purpose, handler);
  }

  get(purpose: string): PurposeHandler | undefined {
    return this.handlers.get(purpose);
  }
}

/** Creates the pending sign-in (bound to an HttpOnly cookie) and redirects to the provider. */
export async function beginOidcLogin(
  deps: { db: Db; clock: Clock; oidc: OidcClient | null; config: AppConfig },
  reply: FastifyReply,
  input: { returnTo: string; purpose?: string; purposeRef?: string; boundSession?: string },
): Promise<FastifyReply> {
  if (!deps.oidc) throw new AppError('OIDC_UNAVAILABLE');
  const start = await deps.oidc.start();
  const cookieValue = randomToken(32);
  const now = deps.clock.now();
  await deps.db
    .insertInto('oidc_logins')
    .values({
      id_hash: sha256Hex(cookieValue),
      state: start.state,
      nonce: start.nonce,
      code_verifier: start.codeVerifier,
      return_to: input.returnTo,
      created_at: now,
      expires_at: new Date(now.getTime() + OIDC_LOGIN_TTL_MS),
      purpose: input.purpose ?? 'sign_in',
      purpose_ref: input.purposeRef ?? null,
      bound_session: input.boundSession ?? null,
    })
    .execute();
  reply.setCookie(OIDC_COOKIE, cookieValue, oidcCookieOptions(deps.config));
  return reply.redirect(start.url, 302);
}
