import type { FeedbackService } from '../feedback/feedback.service';
import type { Open311FileReport } from './open311.intake';

/** `POST requests` files through the same intake as the web form (`FeedbackService.create`). */
export function fileThroughFeedback(feedback: FeedbackService): Open311FileReport {
  return async (report, requestId) => {
    const created = await feedback.create(
      {
        categoryCode: report.categoryCode,
        description: report.description,
        lat: report.lat,
        lng: report.lng,
        communeCode: report.communeCode,
        address: report.address,
        anonymous: report.anonymous,
        contact: { name: report.name, email: report.email, phone: report.phone },
        photos: report.media
          ? [
              {
                staged: report.media.staged,
                fileName: report.media.fileName,
                declaredType: report.media.declaredType,
              },
            ]
          : [],
      },
      {
        source: 'open311',
        open311ClientId: report.clientId,
        open311Token: report.token,
        requestId,
      },
    );
    return { reference: created.reference, visible: created.moderation === 'visible' };
  };
}
