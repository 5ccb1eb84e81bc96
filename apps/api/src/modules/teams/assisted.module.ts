import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../../config';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { AccessPolicy } from '../access/policy';
import type { CatalogueService } from '../catalogue/catalogue.service';
import { SubmissionService } from '../dossiers/submission.service';
import type { FilesService } from '../files/files.service';
import type { IdentityService } from '../identity/identity.service';
import type { OidcClient } from '../identity/oidc.client';
import type { OidcPurposes } from '../identity/oidc.purposes';
import type { DossierEventSink } from '../processing/processing.events';
import type { UnitsService } from '../units/units.service';
import { CONSENT_PURPOSE } from './assisted.common';
import { AssistedConsentService } from './assisted.consent';
import { AssistedRepository } from './assisted.repository';
import { assistedRoutes } from './assisted.routes';
import { AssistedService } from './assisted.service';
import { AssistedSignInConsent } from './assisted.signin';

/**
 * Assisted submission (issue 8 §3): routes, the consent sign-in's purpose at the OIDC callback,
 * and the sign-in hook that gives residents the dossiers submitted for them before they had an
 * account.
 */
export function registerAssisted(
  server: FastifyInstance,
  deps: {
    db: Db;
    clock: Clock;
    policy: AccessPolicy;
    catalogue: CatalogueService;
    files: FilesService;
    units: UnitsService;
    sinks: readonly DossierEventSink[];
    identity: IdentityService;
    oidc: OidcClient | null;
    purposes: OidcPurposes;
    config: AppConfig;
  },
): { assisted: AssistedService; consent: AssistedConsentService; signIn: AssistedSignInConsent } {
  const { db, clock, catalogue, files, units, sinks } = deps;
  const submission = new SubmissionService({ db, clock, catalogue, files, units, sinks });
  const assisted = new AssistedService({ ...deps, submission });
  const consent = new AssistedConsentService({ ...deps, assisted });
  const signIn = new AssistedSignInConsent({ ...deps, assisted });
  deps.purposes.register(CONSENT_PURPOSE, (request, reply, pending, outcome) =>
    signIn.finishSignIn(request, reply, pending, outcome),
  );
  deps.identity.onResidentSignIn((trx, user, requestId) =>
    signIn.linkAtSignIn(trx, user, requestId),
  );
  assistedRoutes(server, {
    assisted,
    consent,
    signIn,
    repository: new AssistedRepository(db),
    config: deps.config,
  });
  return { assisted, consent, signIn };
}
