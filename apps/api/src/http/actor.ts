import type { OfficerRole } from '@cqs/shared';

export interface OfficerGrant {
  role: OfficerRole;
  unitCode: string;
}

/** Who is making the request, resolved once per request from the session cookie. */
export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'resident';
      userId: string;
      sessionIdHash: string;
      csrfToken: string;
      assuranceLevel: number | null;
    }
  | {
      kind: 'officer';
      userId: string;
      sessionIdHash: string;
      csrfToken: string;
      grants: OfficerGrant[];
      activeUnitCode: string | null;
    };

export type SignedInActor = Exclude<Actor, { kind: 'anonymous' }>;
export type OfficerActor = Extract<Actor, { kind: 'officer' }>;

/**
 * Every route declares who may call it. A route without a declaration needs a signed-in user:
 * deny by default.
 */
export type RouteAccess = 'public' | 'authenticated' | 'resident' | 'officer';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** CSRF check on cookie-authenticated writes; only sign-in routes turn it off. */
    csrf?: boolean;
  }
  interface FastifyRequest {
    actor: Actor;
  }
}
