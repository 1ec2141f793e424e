import { type Kysely, sql } from 'kysely';

// Frozen: never edit a merged migration; add a new one.
// Written for PostgreSQL 15 (production) and PGlite 18 (embedded): nothing newer than 15.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE SCHEMA IF NOT EXISTS pki`.execute(db);
  // The province's certificate authority: a self-signed root and the issuing CA it certified.
  // `encrypted_key` is the private key as encrypted PKCS#8 PEM (AES-256-CBC, key from the
  // PKI passphrase of the configuration): without the passphrase nothing can sign.
  // One authority of each kind is current (retired_at IS NULL); a rotated one stays for
  // validating what it signed.
  await sql`
    CREATE TABLE pki.authorities (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      kind text NOT NULL,
      parent_id uuid,
      subject text NOT NULL,
      serial text NOT NULL,
      certificate_der bytea NOT NULL,
      certificate_pem text NOT NULL,
      encrypted_key text NOT NULL,
      not_before timestamptz NOT NULL,
      not_after timestamptz NOT NULL,
      crl_number bigint NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL,
      retired_at timestamptz,
      CONSTRAINT authorities_pk PRIMARY KEY (id),
      CONSTRAINT authorities_kind_ck CHECK (kind IN ('root', 'issuing')),
      CONSTRAINT authorities_parent_ck CHECK ((kind = 'root') = (parent_id IS NULL)),
      CONSTRAINT authorities_parent_fk FOREIGN KEY (parent_id) REFERENCES pki.authorities (id),
      CONSTRAINT authorities_serial_uq UNIQUE (serial),
      CONSTRAINT authorities_validity_ck CHECK (not_after > not_before),
      CONSTRAINT authorities_crl_number_ck CHECK (crl_number >= 0)
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX authorities_current_uq ON pki.authorities (kind)
    WHERE retired_at IS NULL`.execute(db);

  // Every CRL the issuing CA published; the newest is served at /pki/crl/issuing.crl.
  await sql`
    CREATE TABLE pki.crls (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      authority_id uuid NOT NULL,
      crl_number bigint NOT NULL,
      this_update timestamptz NOT NULL,
      next_update timestamptz NOT NULL,
      entries integer NOT NULL,
      der bytea NOT NULL,
      CONSTRAINT crls_pk PRIMARY KEY (id),
      CONSTRAINT crls_authority_fk FOREIGN KEY (authority_id) REFERENCES pki.authorities (id),
      CONSTRAINT crls_number_uq UNIQUE (authority_id, crl_number),
      CONSTRAINT crls_update_ck CHECK (next_update > this_update)
    )`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
