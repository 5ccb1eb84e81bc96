import type { Answers, FormSchema, PrefillSource, ResidentIdentity } from './types';

/** OIDC `gender` claims (and Vietnamese spellings) → the option values the forms use. */
function genderValue(raw: string): string | undefined {
  const g = raw.trim().toLocaleLowerCase('vi');
  if (g === 'male' || g === 'nam' || g === 'm') return 'nam';
  if (g === 'female' || g === 'nữ' || g === 'nu' || g === 'f') return 'nu';
  return undefined;
}

function sourceValue(resident: ResidentIdentity, source: PrefillSource): string | undefined {
  const raw = resident[source];
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  if (source === 'gender') return genderValue(raw);
  return raw.trim();
}

/**
 * Answers the resident's identity already gives (name, ID number, date of birth …), for the fields
 * that declare a `prefill` source. Top-level fields only: group items describe other people.
 */
export function prefillAnswers(schema: FormSchema, resident: ResidentIdentity): Answers {
  const out: Answers = {};
  for (const field of schema.fields) {
    if (!field.prefill) continue;
    const value = sourceValue(resident, field.prefill);
    if (value === undefined) continue;
    // A prefilled choice must still be one of the field's options, or the resident could not change it.
    if (field.options && !field.options.some((o) => o.value === value)) continue;
    out[field.name] = value;
  }
  return out;
}
