import { type Kysely, sql } from 'kysely';

// Frozen: never edit a merged migration; add a new one.
// Written for PostgreSQL 15 (production) and PGlite 18 (embedded): nothing newer than 15.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE SCHEMA IF NOT EXISTS pki`.execute(db);
  // One row per certificate (chứng thư số), from the request to its end. `status` is the
  // lifecycle state; "expired" is derived from not_after. A person's certificate belongs to
  // a user and sits in their agency (`agency_id`, for scope); an agency's has no user.
  // Platform-held ("remote") keys are kept encrypted like the CA's and unlocked by the
  // holder's PIN (argon2id hash) plus TOTP; USB-token and SIM-PKI keys never reach the
  // platform: those certificates are issued from the holder's CSR and inventoried
  // (device serial, phone number).
  await sql`
    CREATE TABLE pki.certificates (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      holder_kind text NOT NULL,
      user_id uuid,
      agency_id uuid NOT NULL,
      key_kind text NOT NULL,
      status text NOT NULL,
      subject_name text NOT NULL,
      subject_title text,
      subject_org text NOT NULL,
      csr_pem text,
      serial text,
      not_before timestamptz,
      not_after timestamptz,
      certificate_pem text,
      encrypted_key text,
      pin_hash text,
      pin_failures integer NOT NULL DEFAULT 0,
      device_serial text,
      phone text,
      note text,
      requested_by uuid,
      requested_at timestamptz NOT NULL,
      decided_by uuid,
      decided_at timestamptz,
      decision_note text,
      issued_by uuid,
      issued_at timestamptz,
      revoked_by uuid,
      revoked_at timestamptz,
      revocation_reason text,
      suspended_at timestamptz,
      renewed_from_id uuid,
      updated_at timestamptz NOT NULL,
      CONSTRAINT certificates_pk PRIMARY KEY (id),
      CONSTRAINT certificates_holder_kind_ck CHECK (holder_kind IN ('person', 'agency')),
      CONSTRAINT certificates_holder_ck CHECK ((holder_kind = 'person') = (user_id IS NOT NULL)),
      CONSTRAINT certificates_user_fk FOREIGN KEY (user_id) REFERENCES identity.users (id),
      CONSTRAINT certificates_agency_fk FOREIGN KEY (agency_id) REFERENCES agency.agencies (id),
      CONSTRAINT certificates_key_kind_ck CHECK (key_kind IN ('usb_token', 'sim_pki', 'remote')),
      CONSTRAINT certificates_status_ck CHECK (status IN
        ('requested', 'approved', 'rejected', 'active', 'suspended', 'revoked', 'superseded')),
      CONSTRAINT certificates_issued_ck CHECK (
        (status IN ('requested', 'approved', 'rejected')) =
        (serial IS NULL AND certificate_pem IS NULL)),
      CONSTRAINT certificates_remote_key_ck CHECK (key_kind = 'remote' OR encrypted_key IS NULL),
      CONSTRAINT certificates_agency_pin_ck CHECK (holder_kind = 'person' OR pin_hash IS NULL),
      CONSTRAINT certificates_serial_uq UNIQUE (serial),
      CONSTRAINT certificates_pin_failures_ck CHECK (pin_failures >= 0),
      CONSTRAINT certificates_revocation_ck CHECK ((status IN ('revoked', 'superseded')) =
        (revoked_at IS NOT NULL AND revocation_reason IS NOT NULL)),
      CONSTRAINT certificates_suspension_ck CHECK ((status = 'suspended') = (suspended_at IS NOT NULL)),
      CONSTRAINT certificates_renewed_from_fk FOREIGN KEY (renewed_from_id)
        REFERENCES pki.certificates (id),
      CONSTRAINT certificates_renewed_from_uq UNIQUE (renewed_from_id)
    )`.execute(db);
  await sql`CREATE INDEX certificates_agency_ix ON pki.certificates (agency_id, status)`.execute(
    db,
  );
  await sql`CREATE INDEX certificates_user_ix ON pki.certificates (user_id)
    WHERE user_id IS NOT NULL`.execute(db);
  // Figures by period: issued and revoked.
  await sql`CREATE INDEX certificates_issued_ix ON pki.certificates (issued_at)
    WHERE issued_at IS NOT NULL`.execute(db);

  // Every status a certificate took, and when: "was it revoked or suspended when it signed?"
  // `id` orders changes made at the same instant.
  await sql`
    CREATE TABLE pki.status_history (
      id bigint GENERATED ALWAYS AS IDENTITY,
      certificate_id uuid NOT NULL,
      status text NOT NULL,
      reason text,
      at timestamptz NOT NULL,
      actor_user_id uuid,
      CONSTRAINT status_history_pk PRIMARY KEY (id),
      CONSTRAINT status_history_certificate_fk FOREIGN KEY (certificate_id)
        REFERENCES pki.certificates (id),
      CONSTRAINT status_history_status_ck CHECK (status IN
        ('requested', 'approved', 'rejected', 'active', 'suspended', 'revoked', 'superseded'))
    )`.execute(db);
  await sql`CREATE INDEX status_history_certificate_ix
    ON pki.status_history (certificate_id, at)`.execute(db);

  // Every signature the platform made, with the server's clock: the trusted signing time of
  // the validation report (the /M date inside a PDF is only the signer's claim).
  await sql`
    CREATE TABLE pki.signatures (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      certificate_id uuid NOT NULL,
      signed_at timestamptz NOT NULL,
      signature_digest text NOT NULL,
      purpose text NOT NULL,
      document_ref text,
      actor_user_id uuid,
      CONSTRAINT signatures_pk PRIMARY KEY (id),
      CONSTRAINT signatures_certificate_fk FOREIGN KEY (certificate_id)
        REFERENCES pki.certificates (id),
      CONSTRAINT signatures_digest_uq UNIQUE (signature_digest),
      CONSTRAINT signatures_digest_ck CHECK (signature_digest ~ '^[0-9a-f]{64}$'),
      CONSTRAINT signatures_purpose_ck CHECK (purpose IN ('person', 'agency'))
    )`.execute(db);
  await sql`CREATE INDEX signatures_certificate_ix
    ON pki.signatures (certificate_id, signed_at)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
