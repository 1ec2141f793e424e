import type { RequestContext } from '../../../platform/context.js';
import type { AnyDb } from '../../../platform/db/connect.js';
import { demoAccounts } from '../../identity/index.js';
import { x509 } from '../crypto/ca.js';
import { ALGORITHM, generateKeyPair } from '../crypto/keys.js';
import * as store from '../store/certificates.js';
import { q } from '../store/tables.js';
import type { KeyKind } from '../store/tables.js';
import type { Authority } from './authority.js';
import type { CrlPublisher } from './crl.js';
import type { PkiDeps, Trx } from './deps.js';
import { issueInto, type Recorder } from './issue-core.js';
import { hashPin } from './pin.js';

/** The PIN of the demo leaders' platform-held keys (docs/PKI.md). */
export const DEMO_PIN = '123456';

type AgencyRef = { abbreviation: string } | { gsoCode: string };
const demoPeople: { username: string; keyKind: KeyKind; deviceSerial?: string; phone?: string }[] =
  [
    { username: 'ld.stttt', keyKind: 'remote' },
    { username: 'ld.longduc', keyKind: 'remote' },
    { username: 'cv.stttt', keyKind: 'usb_token', deviceSerial: 'TOKEN-BCY-000127' },
    { username: 'cv.longduc', keyKind: 'sim_pki', phone: '0918000127' },
  ];
const demoAgencies: AgencyRef[] = [
  { abbreviation: 'STTTT' },
  { gsoCode: '29263' },
  { gsoCode: '29239' },
];

type Holder = {
  holderKind: 'person' | 'agency';
  userId: string | null;
  agencyId: string;
  name: string;
  title: string | null;
  org: string;
  keyKind: KeyKind;
  deviceSerial?: string | undefined;
  phone?: string | undefined;
  pin: boolean;
};

/** A device's CSR, as a USB token or SIM would produce it (its key stays "on the device"). */
async function deviceCsr(name: string): Promise<string> {
  const keys = await generateKeyPair();
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: [{ CN: [name] }],
    keys,
    signingAlgorithm: ALGORITHM,
  });
  return csr.toString('pem');
}

/**
 * The demo CA and certificates: the leaders of STTTT and Long Đức with platform-held keys
 * (PIN 123456), the agency certificates of STTTT, Long Đức and Phường 1 (platform-held, no
 * PIN: used by their clerks), an inventoried USB token and SIM-PKI certificate. Idempotent:
 * nothing is added once any certificate exists. Without a passphrase it seeds nothing.
 */
export function createSeedDemo(
  deps: Pick<PkiDeps, 'clock' | 'agencies' | 'identity' | 'config'>,
  authority: Authority,
  crl: CrlPublisher,
  record: Recorder,
) {
  const { clock, agencies, identity, config } = deps;

  async function findAgency(db: AnyDb, ref: AgencyRef) {
    return 'abbreviation' in ref
      ? agencies.findByAbbreviation(db, ref.abbreviation)
      : agencies.findByGsoCode(db, ref.gsoCode);
  }

  async function holders(db: AnyDb): Promise<Holder[]> {
    const out: Holder[] = [];
    const root = await agencies.getRoot(db);
    for (const p of demoPeople) {
      const account = demoAccounts.find((a) => a.username === p.username);
      const agency = account?.agency ? await findAgency(db, account.agency) : undefined;
      if (!account || !agency) continue;
      const officials = await identity.listOfficialsWith(db, agency.id, 'agency.read');
      const user = officials.find((o) => o.fullName === account.fullName);
      if (!user) continue;
      out.push({
        holderKind: 'person',
        userId: user.id,
        agencyId: agency.id,
        name: account.fullName,
        title: account.position,
        org: agency.name,
        keyKind: p.keyKind,
        deviceSerial: p.deviceSerial,
        phone: p.phone,
        pin: p.keyKind === 'remote',
      });
    }
    for (const ref of demoAgencies) {
      const agency = await findAgency(db, ref);
      if (!agency) continue;
      out.push({
        holderKind: 'agency',
        userId: null,
        agencyId: agency.id,
        name: agency.name,
        title: null,
        org: root.name,
        keyKind: 'remote',
        pin: false,
      });
    }
    return out;
  }

  async function seedOne(trx: Trx, ctx: RequestContext, h: Holder, pinHash: string | null) {
    const now = clock.now();
    const draft = await store.insertCertificate(trx, {
      holderKind: h.holderKind,
      userId: h.userId,
      agencyId: h.agencyId,
      keyKind: h.keyKind,
      status: 'approved',
      subjectName: h.name,
      subjectTitle: h.title,
      subjectOrg: h.org,
      csrPem: h.keyKind === 'remote' ? null : await deviceCsr(h.name),
      pinHash: h.pin ? pinHash : null,
      deviceSerial: h.deviceSerial ?? null,
      phone: h.phone ?? null,
      note: 'Dữ liệu mẫu / demo',
      requestedBy: null,
      requestedAt: now,
      decidedAt: now,
      updatedAt: now,
    });
    const issuer = await authority.loadIssuer(trx);
    const row = await issueInto(trx, deps, issuer, draft, authority.passphrase(), null, now);
    await record(trx, ctx, 'issue', null, row, { status: 'active', reason: 'demo', at: now });
  }

  return async function seedDemo(db: AnyDb, ctx: RequestContext): Promise<void> {
    if (!config.pkiPassphrase) return;
    await authority.initAuthority(db, ctx, crl.publish);
    const any = await q(db).selectFrom('pki.certificates').select('id').limit(1).executeTakeFirst();
    if (any) return;
    const list = await holders(db);
    const pinHash = await hashPin(DEMO_PIN);
    await db.transaction().execute(async (trx) => {
      for (const h of list) await seedOne(trx, ctx, h, pinHash);
    });
  };
}
