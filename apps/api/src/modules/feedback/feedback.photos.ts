import type { SignedInActor } from '../../http/actor';
import { AppError } from '../../http/errors';
import type { Clock } from '../../lib/clock';
import type { FileRecord, FilesService } from '../files/files.service';
import type { StagedFile } from '../files/files.storage';
import type { FeedbackRepository } from './feedback.repository';
import { ANONYMOUS_REPORTER } from './feedback.seed-data';

/** A photo received by the transport (multipart), not yet checked: FilesService.store checks it. */
export interface FeedbackPhotoInput {
  staged: StagedFile;
  fileName: string | undefined;
  declaredType: string;
}

export const photoBundle = (reportId: string) => `feedback:${reportId}`;

/**
 * Stores every photo (checked by the files module: magic bytes, size, metadata removed) or none:
 * a refused one takes the others back out. Photos of anonymous reports belong to the system row
 * ANONYMOUS_REPORTER, since every file needs an owner.
 */
export async function storePhotos(
  deps: { files: FilesService; repository: FeedbackRepository; clock: Clock },
  photos: FeedbackPhotoInput[],
  reportId: string,
  reporterId: string | null,
  requestId: string,
): Promise<FileRecord[]> {
  const owner: SignedInActor = {
    kind: 'resident',
    userId: reporterId ?? ANONYMOUS_REPORTER.id,
    sessionIdHash: '',
    csrfToken: '',
    assuranceLevel: null,
  };
  const stored: FileRecord[] = [];
  let index = 0;
  try {
    for (; index < photos.length; index += 1) {
      const p = photos[index]!;
      const file = await deps.files.store(
        owner,
        p.staged,
        {
          fileName: p.fileName,
          declaredType: p.declaredType,
          bundleId: photoBundle(reportId),
          purpose: 'feedback.photo',
        },
        requestId,
      );
      stored.push(file);
      if (!file.mediaType.startsWith('image/')) {
        throw new AppError('FILE_TYPE_NOT_ALLOWED', {
          messageVi: 'Ảnh phản ánh phải là tệp JPEG hoặc PNG.',
        });
      }
    }
    return stored;
  } catch (error) {
    for (const p of photos.slice(index + 1)) await deps.files.discard(p.staged);
    await deps.repository.discardFiles(
      stored.map((f) => f.id),
      deps.clock.now(),
    );
    throw error;
  }
}
