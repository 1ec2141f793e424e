import { type Kysely, sql } from 'kysely';

// Frozen: never edit a merged migration; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE SCHEMA IF NOT EXISTS identity`.execute(db);
  await sql`
    CREATE TABLE identity.users (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      username text NOT NULL,
      full_name text NOT NULL,
      email text,
      phone text,
      kind text NOT NULL,
      agency_id uuid,
      position text,
      password_hash text NOT NULL,
      must_change_password boolean NOT NULL DEFAULT false,
      is_active boolean NOT NULL DEFAULT true,
      totp_secret text,
      totp_pending_secret text,
      totp_enabled_at timestamptz,
      totp_last_step bigint,
      last_login_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT users_pk PRIMARY KEY (id),
      CONSTRAINT users_username_uq UNIQUE (username),
      CONSTRAINT users_username_ck CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
      CONSTRAINT users_kind_ck CHECK (kind IN ('official', 'citizen')),
      CONSTRAINT users_official_agency_ck CHECK (kind = 'citizen' OR agency_id IS NOT NULL),
      CONSTRAINT users_agency_fk FOREIGN KEY (agency_id) REFERENCES agency.agencies (id)
    )`.execute(db);
  await sql`CREATE INDEX users_agency_ix ON identity.users (agency_id, username)`.execute(db);
  await sql`CREATE INDEX users_search_ix ON identity.users
    USING gin (public.f_fold(full_name || ' ' || username) gin_trgm_ops)`.execute(db);

  await sql`
    CREATE TABLE identity.role_assignments (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL,
      role text NOT NULL,
      agency_id uuid NOT NULL,
      granted_by uuid,
      granted_at timestamptz NOT NULL,
      revoked_by uuid,
      revoked_at timestamptz,
      CONSTRAINT role_assignments_pk PRIMARY KEY (id),
      CONSTRAINT role_assignments_user_fk FOREIGN KEY (user_id) REFERENCES identity.users (id),
      CONSTRAINT role_assignments_agency_fk FOREIGN KEY (agency_id) REFERENCES agency.agencies (id),
      CONSTRAINT role_assignments_role_ck CHECK (role IN
        ('dept_admin', 'agency_admin', 'one_stop_officer', 'specialist', 'leader', 'clerk'))
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX role_assignments_current_uq ON identity.role_assignments
    (user_id, role, agency_id) WHERE revoked_at IS NULL`.execute(db);

  await sql`
    CREATE TABLE identity.sessions (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      token_hash text NOT NULL,
      user_id uuid NOT NULL,
      csrf_token text NOT NULL,
      created_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz,
      client_ip text,
      user_agent text,
      CONSTRAINT sessions_pk PRIMARY KEY (id),
      CONSTRAINT sessions_token_uq UNIQUE (token_hash),
      CONSTRAINT sessions_user_fk FOREIGN KEY (user_id) REFERENCES identity.users (id)
    )`.execute(db);
  await sql`CREATE INDEX sessions_user_ix ON identity.sessions (user_id) WHERE revoked_at IS NULL`.execute(
    db,
  );

  // Failed logins by key ('u:<username>' whether or not the user exists, 'ip:<address>').
  await sql`
    CREATE TABLE identity.login_throttle (
      key text NOT NULL,
      failures integer NOT NULL,
      window_started_at timestamptz NOT NULL,
      locked_until timestamptz,
      CONSTRAINT login_throttle_pk PRIMARY KEY (key)
    )`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
