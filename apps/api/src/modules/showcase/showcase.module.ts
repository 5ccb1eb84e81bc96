import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { AccessPolicy } from '../access/policy';
import type { FilesService } from '../files/files.service';
import type { FileStorage } from '../files/files.storage';
import { seedDemoShowcases } from './showcase.demo';
import { showcasePageRoute } from './showcase.page';
import { ShowcasePublicService } from './showcase.public';
import { showcaseRoutes } from './showcase.routes';
import { ShowcaseService } from './showcase.service';

export interface ShowcaseModule {
  /** Demo mode: labelled demo showcases for a few real communes (once). */
  seedDemo(): Promise<number>;
}

/** Commune showcase "Mỗi xã một KOL" (DOMAIN.md §8, issue 8 point 5). */
export function registerShowcase(
  server: FastifyInstance,
  deps: {
    db: Db;
    clock: Clock;
    policy: AccessPolicy;
    files: FilesService;
    storage: FileStorage;
    /** The built web app's index.html (null when the web app is not built). */
    webIndex: () => Buffer | null;
    publicUrl: string;
    siteName: string;
  },
): ShowcaseModule {
  const pages = new ShowcasePublicService(deps);
  const showcase = new ShowcaseService({ ...deps, pages });
  showcaseRoutes(server, { showcase, pages });
  showcasePageRoute(server, {
    pages,
    webIndex: deps.webIndex,
    publicUrl: deps.publicUrl,
    siteName: deps.siteName,
  });
  return { seedDemo: () => seedDemoShowcases(deps) };
}
