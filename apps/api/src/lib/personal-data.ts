/**
 * Citizen ID numbers are sensitive personal data (Decree 356/2025): shown masked by default,
 * keeping enough to tell applicants apart on a shared screen: 066*******34.
 */
export function maskCitizenId(id: string | null): string | null {
  if (!id) return null;
  if (id.length <= 5) return '*'.repeat(id.length);
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 5)}${id.slice(-2)}`;
}
