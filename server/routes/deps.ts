import type { Config } from '../config';
import type { AccountRepository } from '../db/account-repository';
import type { Db } from '../db/client';

/**
 * What every route plugin gets: it builds its own service from these.
 * `account` is shared so that a mode change is seen by every route at once.
 */
export type RouteDeps = { db: Db; config: Config; account: AccountRepository };
