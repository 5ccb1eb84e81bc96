/** Administration of the national-portal sync feed: a lazily loaded back-office chunk. */
export { SyncAdminPage } from './sync-admin-page';
