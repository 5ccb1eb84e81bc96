import type { FeedbackRule } from './feedback-officer-api';

/** A rule as the editor holds it: the area as editable text, a key that survives moves. */
export interface RuleDraft {
  key: string;
  id?: string | undefined;
  categoryCode: string;
  location: 'any' | 'commune' | 'area';
  communeCode: string;
  areaText: string;
  targetKind: 'unit' | 'commune';
  targetUnitCode: string;
  note: string;
  active: boolean;
}

export type RuleField = 'categoryCode' | 'communeCode' | 'area' | 'targetUnitCode' | 'note';
export type RuleErrors = Record<string, Partial<Record<RuleField, string>>>;

let counter = 0;
const nextKey = () => `r${++counter}`;

export function toDraft(rule: FeedbackRule): RuleDraft {
  return {
    key: nextKey(),
    id: rule.id,
    categoryCode: rule.categoryCode ?? '',
    location: rule.area ? 'area' : rule.communeCode ? 'commune' : 'any',
    communeCode: rule.communeCode ?? '',
    areaText: rule.area ? JSON.stringify(rule.area) : '',
    targetKind: rule.targetKind,
    targetUnitCode: rule.targetUnitCode ?? '',
    note: rule.note ?? '',
    active: rule.active,
  };
}

export function emptyDraft(): RuleDraft {
  return {
    key: nextKey(),
    categoryCode: '',
    location: 'any',
    communeCode: '',
    areaText: '',
    targetKind: 'commune',
    targetUnitCode: '',
    note: '',
    active: true,
  };
}

function parseArea(text: string): FeedbackRule['area'] | undefined {
  try {
    const value = JSON.parse(text) as { type?: unknown; coordinates?: unknown };
    if (
      (value.type === 'Polygon' || value.type === 'MultiPolygon') &&
      Array.isArray(value.coordinates)
    )
      return value as FeedbackRule['area'];
  } catch {
    // Not JSON: reported below as an invalid area.
  }
  return undefined;
}

/**
 * The API's rule set from the drafts, or the problems found here (keyed by draft key) with the
 * messages in `messages`; the API checks codes against its lists on save.
 */
export function fromDrafts(
  drafts: RuleDraft[],
  messages: { areaInvalid: string; communeMissing: string; targetMissing: string },
): { rules: FeedbackRule[]; errors: RuleErrors } {
  const errors: RuleErrors = {};
  const rules = drafts.map((d) => {
    const problems: Partial<Record<RuleField, string>> = {};
    const area = d.location === 'area' ? parseArea(d.areaText) : null;
    if (area === undefined) problems.area = messages.areaInvalid;
    if (d.location === 'commune' && !d.communeCode) problems.communeCode = messages.communeMissing;
    if (d.targetKind === 'unit' && !d.targetUnitCode)
      problems.targetUnitCode = messages.targetMissing;
    if (Object.keys(problems).length > 0) errors[d.key] = problems;
    return {
      ...(d.id ? { id: d.id } : {}),
      categoryCode: d.categoryCode || null,
      communeCode: d.location === 'commune' ? d.communeCode || null : null,
      area: area ?? null,
      targetKind: d.targetKind,
      targetUnitCode: d.targetKind === 'unit' ? d.targetUnitCode || null : null,
      note: d.note.trim() || null,
      active: d.active,
    };
  });
  return { rules, errors };
}

/** The API's "rules.3.communeCode" paths as errors of the fourth draft. */
export function apiErrorsToDrafts(
  drafts: RuleDraft[],
  fields: { path: string; message: string }[],
): RuleErrors {
  const errors: RuleErrors = {};
  for (const f of fields) {
    const match = /^rules\.(\d+)\.(\w+)/.exec(f.path);
    const draft = match ? drafts[Number(match[1])] : undefined;
    if (!match || !draft) continue;
    const field = (match[2] === 'targetKind' ? 'targetUnitCode' : match[2]) as RuleField;
    errors[draft.key] = { ...errors[draft.key], [field]: f.message };
  }
  return errors;
}
