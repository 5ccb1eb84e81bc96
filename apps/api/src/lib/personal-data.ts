/**
 * Citizen ID numbers are sensitive personal data (Decree 356/2025): shown masked by default,
 * keeping enough to tell applicants apart on a shared screen: 066*******34.
 */
export function maskCitizenId(id: string | null): string | null {
  if (!id) return null;
  if (id.length <= 5) return '*'.repeat(id.length);
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 5)}${id.slice(-2)}`;
}

const CITIZEN_ID = /^\d{9}$|^\d{12}$/;

/**
 * E-form answers with every citizen ID number masked (fields named …CitizenId, or holding a 9-
 * or 12-digit ID under an ID-like name): officers' screens show applicants, not full numbers.
 */
export function maskAnswers(answers: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(answers)) {
    const idLike = /citizenid|cccd|cmnd|idnumber|sodinhdanh/i.test(key);
    out[key] =
      idLike && typeof value === 'string' && CITIZEN_ID.test(value.replace(/\s/g, ''))
        ? maskCitizenId(value.replace(/\s/g, ''))
        : value;
  }
  return out;
}
