import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config';
import { safeEqual } from '../lib/tokens';
import type { SessionsService } from '../modules/identity/sessions.service';
import type { Actor, OfficerActor, RouteAccess, SignedInActor } from './actor';
import { AppError, sendError } from './errors';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** `__Host-` binds the cookie to this exact origin; browsers accept it only over HTTPS. */
export function sessionCookieName(config: AppConfig): string {
  return config.secureCookies ? '__Host-cqs_sid' : 'cqs_sid';
}

export function sessionCookieOptions(config: AppConfig) {
  return {
    path: '/',
    httpOnly: true,
    secure: config.secureCookies,
    sameSite: 'lax' as const,
  };
}

function accessAllows(access: RouteAccess, actor: Actor): boolean {
  switch (access) {
    case 'public':
      return true;
    case 'authenticated':
      return actor.kind !== 'anonymous';
    case 'resident':
      return actor.kind === 'resident';
    case 'officer':
      return actor.kind === 'officer';
  }
}

function originAllowed(request: FastifyRequest, config: AppConfig): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  if (origin === new URL(config.publicUrl).origin) return true;
  // Same-host requests (e.g. 127.0.0.1 vs localhost in development) are same-origin by definition.
  const host = request.headers.host;
  return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
}

/**
 * Resolves the session on every request and enforces the route's declared access (deny by
 * default) and CSRF protection (synchronizer token in `x-csrf-token`, plus an Origin check) on
 * cookie-authenticated writes.
 */
export function registerAuth(
  app: FastifyInstance,
  sessions: SessionsService,
  config: AppConfig,
): void {
  const cookieName = sessionCookieName(config);
  // Filled by the onRequest hook below before any handler runs.
  app.decorateRequest('actor', null as never);

  app.addHook('onRequest', async (request, reply) => {
    const routeConfig = request.routeOptions.config;
    // Unknown routes reach the not-found handler without a session look-up.
    if (!request.routeOptions.url) {
      request.actor = { kind: 'anonymous' };
      return;
    }
    request.actor = await sessions.resolve(request.cookies[cookieName]);
    const access = routeConfig.access ?? 'authenticated';
    if (!accessAllows(access, request.actor)) {
      return request.actor.kind === 'anonymous'
        ? sendError(request, reply, 'UNAUTHENTICATED')
        : sendError(request, reply, 'FORBIDDEN');
    }
    if (UNSAFE_METHODS.has(request.method) && routeConfig.csrf !== false) {
      if (!originAllowed(request, config)) return sendError(request, reply, 'CSRF_FAILED');
      if (request.actor.kind !== 'anonymous') {
        const header = request.headers['x-csrf-token'];
        if (typeof header !== 'string' || !safeEqual(header, request.actor.csrfToken)) {
          return sendError(request, reply, 'CSRF_FAILED');
        }
      }
    }
  });
}

export function setSessionCookie(reply: FastifyReply, config: AppConfig, value: string): void {
  reply.setCookie(sessionCookieName(config), value, {
    ...sessionCookieOptions(config),
    maxAge: Math.floor(config.session.absoluteMs / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply, config: AppConfig): void {
  reply.clearCookie(sessionCookieName(config), sessionCookieOptions(config));
}

export function requireSignedIn(request: FastifyRequest): SignedInActor {
  if (request.actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  return request.actor;
}

export function requireOfficer(request: FastifyRequest): OfficerActor {
  if (request.actor.kind !== 'officer') throw new AppError('FORBIDDEN');
  return request.actor;
}
