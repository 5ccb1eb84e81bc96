/**
 * The signed statement of an e-result (docs/E-RESULTS.md). Its bytes are what the signature covers:
 * UTF-8 JSON, keys in this fixed (alphabetical) order, no spaces. A verifier rebuilds it from the
 * public answer of GET /api/results/:id plus the dossier id; changing this format means `v: 2`.
 */
export interface ResultStatement {
  resultId: string;
  dossierId: string;
  dossierCode: string;
  /** sha256 (hex) of the issued PDF's bytes. */
  sha256: string;
  /** ISO 8601 instant in UTC with milliseconds, e.g. 2026-10-08T02:00:00.000Z. */
  issuedAt: string;
  outcome: 'approved' | 'refused';
}

export function canonicalStatement(s: ResultStatement): Buffer {
  const ordered = {
    dossierCode: s.dossierCode,
    dossierId: s.dossierId,
    issuedAt: s.issuedAt,
    outcome: s.outcome,
    resultId: s.resultId,
    sha256: s.sha256,
    v: 1,
  };
  return Buffer.from(JSON.stringify(ordered), 'utf8');
}
