import type { Config } from '../config';
import type { AccountRepository } from '../db/account-repository';
import type { Db } from '../db/client';
import type { Gateway } from '../proxy/gateway';

/**
 * What every route plugin gets: it builds its own service from these.
 * `account` is shared so that a mode change is seen by every route at once.
 */
export type RouteDeps = {
  db: Db;
  config: Config;
  account: AccountRepository;
  /** Present in gateway mode (AMOCRM_BASE_URL): the live account behind /api/v4. */
  gateway?: Gateway;
};
