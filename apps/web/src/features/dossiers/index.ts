// Resident dossier pages: public tracking and the signed-in "my dossiers" area (one lazy chunk).
export { DossierDetailPage } from './dossier-detail-page';
export { MyDossiersPage } from './my-dossiers-page';
export { TrackingPage } from './tracking-page';
