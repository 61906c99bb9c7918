import type { Config } from '../config';
import { createAccountUsers, type AccountUsers } from './account-users';
import { createUpstream, type Upstream } from './upstream';
import { createUpstreamHealth, type UpstreamHealth } from './upstream-health';
import { createUpstreamQueue, type QueueOptions, type UpstreamQueue } from './upstream-queue';

/** Knobs tests turn; production runs on the defaults. */
export type GatewayOptions = {
  upstreamTimeoutMs?: number;
  queue?: QueueOptions;
  /** How long a health answer is reused. */
  healthTtlMs?: number;
};

export type Gateway = {
  upstream: Upstream;
  queue: UpstreamQueue;
  /** The account's users: whose rights each console user acts with. */
  users: AccountUsers;
  /** Whether the account answers, and its name. */
  health: UpstreamHealth;
  close: () => void;
};

/**
 * Everything that talks to the live account, built once per server so that every caller shares
 * one request queue (amoCRM's limit is per integration, not per console user).
 */
export function createGateway(
  proxy: NonNullable<Config['proxy']>,
  options: GatewayOptions = {},
): Gateway {
  const upstream = createUpstream({ ...proxy, timeoutMs: options.upstreamTimeoutMs });
  const queue = createUpstreamQueue(upstream.forward, options.queue);
  return {
    upstream,
    queue,
    users: createAccountUsers(queue),
    health: createUpstreamHealth(queue, options.healthTtlMs),
    close: () => queue.close(),
  };
}
