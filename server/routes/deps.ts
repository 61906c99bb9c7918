import type { Config } from '../config';
import type { Db } from '../db/client';

/** What every route plugin gets: it builds its own service from these. */
export type RouteDeps = { db: Db; config: Config };
