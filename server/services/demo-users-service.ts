import { createUserRepository } from '../db/user-repository';
import { DEMO_PASSWORD, DEMO_USERS } from '../db/seed-base';
import type { RouteDeps } from '../routes/deps';

/** The login page's "sign in as" list: only on a demo account, only users that exist. */
export function createDemoUsersService({ db, account }: Pick<RouteDeps, 'db' | 'account'>) {
  const users = createUserRepository(db);
  return {
    async list(): Promise<Array<{ email: string; role: string; password: string }>> {
      if (!(await account.get()).isDemo) return [];
      const present = new Set(
        (await users.byEmails(DEMO_USERS.map((u) => u.email))).map((u) => u.email),
      );
      return DEMO_USERS.filter((u) => present.has(u.email)).map((u) => ({
        email: u.email,
        role: u.role,
        password: DEMO_PASSWORD,
      }));
    },
  };
}
