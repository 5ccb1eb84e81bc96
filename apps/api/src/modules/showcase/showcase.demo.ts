import { createHash, randomUUID } from 'node:crypto';
import {
  type ShowcaseContent,
  ShowcaseContent as ShowcaseContentSchema,
  showcaseImageIds,
} from '@cqs/shared';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { FileStorage } from '../files/files.storage';
import { type DemoArt, drawDemoArt } from './showcase.demo-art';
import { DEMO_SHOWCASES } from './showcase.demo-data';
import { imageRow, makeVariants, removeVariants, storeVariants } from './showcase.images';
import { ShowcaseRepository } from './showcase.repository';

/** A UUID derived from a name, stable across runs (version 8 shape, like the teams demo). */
function demoId(name: string): string {
  const h = createHash('sha256').update(`cqs-demo-showcase:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** One after another: drawing and resizing are CPU work on a two-core machine. */
async function mapInOrder<T, R>(
  items: T[],
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = [];
  for (const [i, item] of items.entries()) out.push(await fn(item, i));
  return out;
}

/**
 * Demo mode only, before the server listens (like the teams demo): labelled demo showcases for a few real communes (see showcase.demo-data.ts),
 * with placeholder pictures drawn at start-up through the same resizing as uploads. Idempotent:
 * a commune that already has a page (demo or real) is left alone. Returns how many were made.
 */
export async function seedDemoShowcases(deps: {
  db: Db;
  clock: Clock;
  storage: FileStorage;
}): Promise<number> {
  const repo = new ShowcaseRepository(deps.db);
  let made = 0;
  for (const demo of DEMO_SHOWCASES) {
    const unit = await deps.db
      .selectFrom('units')
      .select('code')
      .where('code', '=', demo.communeCode)
      .where('kind', '=', 'commune')
      .executeTakeFirst();
    if (!unit || (await repo.findPage(demo.communeCode))) continue;
    const at = deps.clock.now();
    const picture = async (art: DemoArt) => {
      const stored = await storeVariants(deps.storage, await makeVariants(drawDemoArt(art)), at);
      const id = randomUUID();
      try {
        await deps.db.transaction().execute(async (trx) => {
          const tx = new ShowcaseRepository(trx);
          await tx.insertImage(
            imageRow({
              id,
              code: demo.communeCode,
              stored,
              sourceFileId: null,
              createdBy: null,
              at,
              isDemo: true,
            }),
          );
          await tx.appendEvent({
            communeCode: demo.communeCode,
            kind: 'image_added',
            draftVersion: 0,
            actorId: null,
            at,
            details: { imageId: id, demo: true },
          });
        });
      } catch (error) {
        await removeVariants(deps.storage, [stored.large.key, stored.thumb.key]);
        throw error;
      }
      return id;
    };
    const content: ShowcaseContent = ShowcaseContentSchema.parse({
      introduction: demo.introduction,
      coverImageId: await picture(demo.cover),
      gallery: await mapInOrder(demo.gallery, async (g) => ({
        imageId: await picture(g.art),
        caption: g.caption,
      })),
      products: await mapInOrder(demo.products, async ({ art, ...p }, i) => ({
        ...p,
        id: demoId(`${demo.communeCode}/product/${i}`),
        imageIds: await mapInOrder(art, picture),
      })),
      ambassadors: await mapInOrder(demo.ambassadors, async ({ art, ...a }, i) => ({
        ...a,
        id: demoId(`${demo.communeCode}/ambassador/${i}`),
        imageId: await picture(art),
      })),
    });
    await deps.db.transaction().execute(async (trx) => {
      const tx = new ShowcaseRepository(trx);
      const version = await tx.saveDraft({
        communeCode: demo.communeCode,
        expectedVersion: 0,
        content,
        actorId: null,
        at,
        isDemo: true,
      });
      if (version === null) return; // another process made it meanwhile
      await tx.appendEvent({
        communeCode: demo.communeCode,
        kind: 'draft_saved',
        draftVersion: version,
        actorId: null,
        at,
        details: { demo: true },
      });
      if (demo.draftOnly) return;
      await trx
        .updateTable('showcase_pages')
        .set({
          published: JSON.stringify(content),
          published_images: JSON.stringify(showcaseImageIds(content)),
          published_version: version,
          published_at: at,
        })
        .where('commune_code', '=', demo.communeCode)
        .execute();
      await tx.appendEvent({
        communeCode: demo.communeCode,
        kind: 'published',
        draftVersion: version,
        actorId: null,
        at,
        details: { demo: true },
      });
    });
    made += 1;
  }
  return made;
}
