// Public verification of e-results (from the QR code on a result): its own lazy chunk.
export { VerifyResultPage } from './verify-page';
