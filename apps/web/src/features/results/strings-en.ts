import type { Dictionary } from '../../i18n/feature-strings';
import type { resultsVi } from './strings-vi';

export const resultsEn: Dictionary<typeof resultsVi> = {
  title: 'Verify an electronic result',
  lead: 'Check whether a result document of an administrative procedure is the genuine electronic copy issued by a government body.',
  leadNoId:
    'Choose the result PDF you received (from “My dossiers”, by e-mail or from someone else). It is compared with the results issued.',
  record: {
    caption: 'Electronic result issued',
    dossierCode: 'Dossier code',
    procedure: 'Procedure',
    unit: 'Handled by',
    issuedAt: 'Issued at',
    outcome: 'Outcome',
    approved: 'Approved',
    refused: 'Refused',
    signature: 'Digital signature',
    signatureValid: 'Valid',
    signatureInvalid: 'Not valid',
    signedByUnit: "signed with the body's certificate",
    signedBySystem: "signed with the platform's key",
    revokedTitle: 'This result has been revoked',
    revokedText:
      'The handling body revoked this result on {{date}}. The document is no longer valid; please contact the body.',
    invalidTitle: 'The digital signature is not valid',
    invalidText:
      'The data of this result does not match its signature. Do not rely on the document; please contact the handling body.',
  },
  notFoundTitle: 'Electronic result not found',
  notFoundText:
    'No result has this id. Scan the QR code on the document again, or choose the file to check below.',
  check: {
    heading: 'Check the file you received',
    headingNoId: 'Choose the file to check',
    file: 'Result file (PDF)',
    fileHint:
      'Choose the PDF file as downloaded, not a printed and scanned copy or a photo. Your file is not kept: only its hash is used for the comparison.',
    fileRequired: 'Please choose the file to check',
    submit: 'Check the file',
    checking: 'Checking…',
    genuineTitle: '✓ This is the genuine result document',
    genuineText:
      '“{{name}}” matches, byte for byte, the electronic result of dossier {{code}} issued at {{date}}, and its signature is valid.',
    notGenuineTitle: '✗ This is not a genuine result document',
    reason: {
      unknown:
        '“{{name}}” matches no electronic result issued. It may have been edited, re-saved by other software, or not issued by a government body. Check the PDF exactly as downloaded from the portal.',
      different_result:
        '“{{name}}” is another electronic result, not the one whose QR code you scanned.',
      revoked: '“{{name}}” is an issued result, but it has been revoked and is no longer valid.',
      signature_invalid:
        '“{{name}}” matches a recorded result but its signature is not valid. Do not rely on it; please contact the handling body.',
    },
    another: 'Check another file',
  },
  technical: {
    summary: 'Technical details (for independent checking)',
    sha256: 'SHA-256 hash of the file',
    algorithm: 'Signature algorithm',
    keyId: 'Signing key id',
    keysLink: 'Public keys',
    doc: 'The signed content is the JSON “statement” given at the result’s API address.',
  },
  noId: 'Have the QR code on the document? Scan it to open the verification page of that result.',
};
