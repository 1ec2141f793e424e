import type { AnyDb } from '../../../platform/db/connect.js';
import type { AuditContext } from '../../audit/index.js';
import { demoAccounts } from '../demo-accounts.js';
import { checkPasswordPolicy, hashPassword } from '../password.js';
import * as roleStore from '../store/roles.js';
import * as users from '../store/users.js';
import type { IdentityDeps } from './deps.js';
import { identityErrors as E } from './errors.js';
import { auditSnapshot } from './views.js';

/** Accounts made outside the admin screens: demo seed, first admin, citizen sign-up. */
export function createProvisioning(deps: IdentityDeps) {
  const { clock, audit, agencies } = deps;

  async function seedDemoAccounts(db: AnyDb, ctx: AuditContext, opts: { password: string }) {
    const passwordHash = await hashPassword(opts.password);
    const root = await agencies.getRoot(db);
    await db.transaction().execute(async (trx) => {
      for (const a of demoAccounts) {
        if (await users.findUserByUsername(trx, a.username)) continue;
        const agency = !a.agency
          ? undefined
          : 'abbreviation' in a.agency
            ? await agencies.findByAbbreviation(trx, a.agency.abbreviation)
            : await agencies.findByGsoCode(trx, a.agency.gsoCode);
        if (a.agency && !agency) throw new Error(`demo agency of ${a.username} is missing`);
        const user = await users.insertUser(trx, {
          username: a.username,
          fullName: a.fullName,
          email: `${a.username}@travinh.gov.vn`,
          phone: null,
          position: a.position,
          kind: agency ? 'official' : 'citizen',
          agencyId: agency?.id ?? null,
          passwordHash,
        });
        if (a.role && agency) {
          await roleStore.insertAssignment(trx, {
            userId: user.id,
            role: a.role,
            agencyId: a.role === 'dept_admin' ? root.id : agency.id,
            grantedBy: null,
            grantedAt: clock.now(),
          });
        }
        await audit.record(trx, ctx, {
          action: 'identity.user_seed',
          targetType: 'user',
          targetId: user.id,
          agencyId: user.agencyId,
          after: { ...auditSnapshot(user), role: a.role },
        });
      }
    });
  }

  /** `openprovince create-admin`: the first department administrator of an installation. */
  async function createAdmin(
    db: AnyDb,
    ctx: AuditContext,
    input: { username: string; fullName: string; password: string; agencyId?: string },
  ) {
    const username = input.username.toLowerCase();
    checkPasswordPolicy(input.password, username);
    const root = await agencies.getRoot(db);
    const agencyId = input.agencyId ?? root.id;
    await agencies.getAgency(db, agencyId);
    const passwordHash = await hashPassword(input.password);
    return db.transaction().execute(async (trx) => {
      if (await users.findUserByUsername(trx, username)) throw E.usernameTaken();
      const user = await users.insertUser(trx, {
        username,
        fullName: input.fullName,
        email: null,
        phone: null,
        position: null,
        kind: 'official',
        agencyId,
        passwordHash,
        mustChangePassword: true,
      });
      await roleStore.insertAssignment(trx, {
        userId: user.id,
        role: 'dept_admin',
        agencyId: root.id,
        grantedBy: null,
        grantedAt: clock.now(),
      });
      await audit.record(trx, ctx, {
        action: 'identity.admin_create',
        targetType: 'user',
        targetId: user.id,
        agencyId,
        after: { ...auditSnapshot(user), role: 'dept_admin' },
      });
      return user;
    });
  }

  /** A citizen's own account (the portal's "Đăng ký"). */
  async function registerCitizen(
    db: AnyDb,
    ctx: AuditContext,
    input: {
      username: string;
      fullName: string;
      email?: string | undefined;
      phone?: string | undefined;
      password: string;
    },
  ) {
    const username = input.username.toLowerCase();
    checkPasswordPolicy(input.password, username);
    const passwordHash = await hashPassword(input.password);
    try {
      return await db.transaction().execute(async (trx) => {
        const user = await users.insertUser(trx, {
          username,
          fullName: input.fullName,
          email: input.email ?? null,
          phone: input.phone ?? null,
          position: null,
          kind: 'citizen',
          agencyId: null,
          passwordHash,
        });
        await audit.record(trx, ctx, {
          action: 'identity.citizen_register',
          targetType: 'user',
          targetId: user.id,
          after: auditSnapshot(user),
        });
        return user;
      });
    } catch (err) {
      if ((err as { code?: string }).code === '23505') throw E.usernameTaken();
      throw err;
    }
  }

  return { seedDemoAccounts, createAdmin, registerCitizen };
}
