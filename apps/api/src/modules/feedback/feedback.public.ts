import type { FeedbackPublic } from '@cqs/shared';
import type { FileRecord } from '../files/files.service';
import type { FeedbackEventRow, FeedbackReportRow } from './feedback.tables';
import { type FeedbackState, feedbackActions, feedbackStateLabels } from './feedback-workflow';

type UnitName = (code: string | null) => Promise<string | null>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const eventLabel = (type: string): string =>
  type === 'submitted'
    ? 'Tiếp nhận phản ánh'
    : (feedbackActions.find((a) => a.name === type)?.label.vi ?? type);

/** The public fields of a report: contacts never; the name only without anonymity. */
export async function toPublicListItem(
  row: FeedbackReportRow,
  categoryNames: Map<string, string>,
  unitName: UnitName,
): Promise<Omit<FeedbackPublic, 'events' | 'photos'>> {
  return {
    id: row.id,
    reference: row.reference,
    categoryCode: row.category_code,
    categoryName: categoryNames.get(row.category_code) ?? row.category_code,
    description: row.description,
    lat: row.lat,
    lng: row.lng,
    communeCode: row.commune_code,
    communeName: await unitName(row.commune_code),
    address: row.address,
    reporterName: row.anonymous ? null : row.reporter_name,
    state: row.state,
    stateLabel: feedbackStateLabels[row.state as FeedbackState]?.vi ?? row.state,
    assignedUnitCode: row.assigned_unit_code,
    assignedUnitName: await unitName(row.assigned_unit_code),
    dueAt: iso(row.due_at),
    publicAnswer: row.public_answer,
    answeredAt: iso(row.answered_at),
    rating: row.rating,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    closedAt: iso(row.closed_at),
  };
}

export async function toPublic(
  row: FeedbackReportRow,
  extra: {
    events: FeedbackEventRow[];
    photos: FileRecord[];
    categoryNames: Map<string, string>;
    unitName: UnitName;
  },
): Promise<FeedbackPublic> {
  const base = await toPublicListItem(row, extra.categoryNames, extra.unitName);
  const events = [];
  for (const e of extra.events) {
    if (!e.public) continue;
    events.push({
      type: e.type,
      label: eventLabel(e.type),
      state: e.state,
      at: e.at.toISOString(),
      unitName: await extra.unitName(e.unit_code),
      note: e.note,
    });
  }
  return {
    ...base,
    photos: extra.photos
      .filter((f) => f.mediaType.startsWith('image/'))
      .map((f) => ({
        id: f.id,
        url: `/api/feedback/reports/${encodeURIComponent(row.reference)}/photos/${f.id}`,
      })),
    events,
  };
}
