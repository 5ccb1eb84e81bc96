import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** Timestamps: read as Date, written as Date or ISO text. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface FormerUnitJson {
  code: string;
  fullName: string;
  districtName: string | null;
  provinceName: string | null;
  part: 'full' | 'partial';
}

export interface UnitsTable {
  code: string;
  kind: 'province' | 'commune' | 'department' | 'service_centre' | 'external';
  name: string;
  full_name: string;
  type: string;
  parent_code: string | null;
  name_en: string | null;
  alt_spellings: Json<string[]>;
  area_km2: number | null;
  population: number | null;
  label_lon: number | null;
  label_lat: number | null;
  admin_centre: string | null;
  legal_basis: string | null;
  former_units: Json<FormerUnitJson[]>;
  boundary: Json<unknown> | null;
  identifier: string | null;
  source: string | null;
  search_text: string;
  active: Generated<boolean>;
}

export interface NationalCommunesTable {
  code: string;
  name: string;
  full_name: string;
  type: string;
  province_code: string;
  province_name: string;
  label_lon: number | null;
  label_lat: number | null;
  area_km2: number | null;
}

export interface NationalProvincesTable {
  code: string;
  name: string;
  full_name: string;
  type: string;
  label_lon: number | null;
  label_lat: number | null;
  area_km2: number | null;
  commune_count: number | null;
}

export interface UsersTable {
  id: string;
  kind: 'resident' | 'officer';
  full_name: string;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  citizen_id: string | null;
  birth_date: string | null;
  gender: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  commune_code: string | null;
  username: string | null;
  password_hash: string | null;
  totp_secret: string | null;
  totp_last_step: number | null;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  is_demo: Generated<boolean>;
  disabled: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface GrantsTable {
  user_id: string;
  role: string;
  unit_code: string;
  granted_at: Timestamp;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  acr: string | null;
  assurance_level: number | null;
  active_unit_code: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface OidcLoginsTable {
  id_hash: string;
  state: string;
  nonce: string;
  code_verifier: string;
  return_to: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  /** 'sign_in' (a portal session) or another purpose handled by its module (migration 0020). */
  purpose: Generated<string>;
  purpose_ref: string | null;
  /** sha256 of the session that started a purpose sign-in; the callback must carry it. */
  bound_session: string | null;
}

export interface BootstrapTokensTable {
  purpose: string;
  used_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_id: string | null;
  actor_kind: string;
  actor_role: string | null;
  unit_code: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  outcome: 'success' | 'failure' | 'denied';
  request_id: string | null;
  details: Json<Record<string, unknown>>;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  singleton: Generated<boolean>;
  last_id: number;
  last_hash: string;
}

export interface SchemaMigrationsTable {
  name: string;
  checksum: string;
  applied_at: Generated<Timestamp>;
}

export interface Database {
  units: UnitsTable;
  national_communes: NationalCommunesTable;
  national_provinces: NationalProvincesTable;
  users: UsersTable;
  grants: GrantsTable;
  sessions: SessionsTable;
  oidc_logins: OidcLoginsTable;
  bootstrap_tokens: BootstrapTokensTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  schema_migrations: SchemaMigrationsTable;
}

export type UnitRow = Selectable<UnitsTable>;
export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type AuditRow = Selectable<AuditLogTable>;
