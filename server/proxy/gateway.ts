import type { ProxyConfig } from '../config';
import type { Db } from '../db/client';
import { createOAuthTokens, type OAuthTokens } from './oauth-tokens';
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
  /** Present with an OAuth integration: the tokens the server keeps refreshed. */
  oauth: OAuthTokens | undefined;
  close: () => void;
};

/**
 * Everything that talks to the live account, built once per server so that every caller shares
 * one request queue (amoCRM's limit is per integration, not per console user).
 */
export function createGateway(proxy: ProxyConfig, db: Db, options: GatewayOptions = {}): Gateway {
  const oauth = proxy.oauth
    ? createOAuthTokens({ db, baseUrl: proxy.baseUrl, oauth: proxy.oauth })
    : undefined;
  const upstream = createUpstream({
    baseUrl: proxy.baseUrl,
    accessToken: oauth ? oauth.accessToken : proxy.accessToken!,
    onRejected: oauth?.rejected,
    timeoutMs: options.upstreamTimeoutMs,
  });
  const queue = createUpstreamQueue(upstream.forward, options.queue);
  return {
    upstream,
    queue,
    users: createAccountUsers(queue),
    health: createUpstreamHealth(queue, options.healthTtlMs),
    oauth,
    close: () => queue.close(),
  };
}
