import path from 'node:path';
import { z } from 'zod';

/** Environment, parsed once. Names are the run contract in DESIGN.md. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  SEED: z.enum(['demo', 'none']).default('demo'),
  ACCOUNT_TARIFF: z.enum(['advanced', 'base']).default('advanced'),
  AMOCRM_BASE_URL: z.string().url().optional(),
  AMOCRM_ACCESS_TOKEN: z.string().min(1).optional(),
  /** An amoCRM integration (OAuth 2.0) instead of a long-lived token. */
  AMOCRM_CLIENT_ID: z.string().min(1).optional(),
  AMOCRM_CLIENT_SECRET: z.string().min(1).optional(),
  AMOCRM_REDIRECT_URI: z.string().url().optional(),
  /** The integration's authorization code (20 minutes) or a refresh token, to start from. */
  AMOCRM_AUTH_CODE: z.string().min(1).optional(),
  AMOCRM_REFRESH_TOKEN: z.string().min(1).optional(),
  /** Requests per second per client before 429; 0 turns the limiter off (benchmarks). */
  RATE_LIMIT_PER_SECOND: z.coerce.number().int().min(0).default(50),
  /** The origin clients reach this server at (HAL links, the CSRF check); default the listen address. */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  STATIC_DIR: z.string().default('./dist'),
  /** A request (headers and body) must arrive within this; a dribbling client is cut off. */
  REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(45),
});

/** An amoCRM integration's credentials; the grant starts from a code or a refresh token. */
export type OAuthConfig = {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  grant: { type: 'authorization_code'; code: string } | { type: 'refresh_token'; token: string };
};

/** Gateway mode: a long-lived token, or an integration whose tokens the server refreshes. */
export type ProxyConfig =
  | { baseUrl: string; accessToken: string; oauth?: undefined }
  | { baseUrl: string; accessToken?: undefined; oauth: OAuthConfig };

function proxyConfig(e: z.infer<typeof envSchema>): ProxyConfig | undefined {
  const oauthVars = [e.AMOCRM_CLIENT_ID, e.AMOCRM_CLIENT_SECRET, e.AMOCRM_REDIRECT_URI];
  const anyOauth = oauthVars.some(Boolean) || Boolean(e.AMOCRM_AUTH_CODE ?? e.AMOCRM_REFRESH_TOKEN);
  if (!e.AMOCRM_BASE_URL) {
    if (e.AMOCRM_ACCESS_TOKEN || anyOauth) {
      throw new Error('Gateway mode needs AMOCRM_BASE_URL (https://<subdomain>.amocrm.ru)');
    }
    return undefined;
  }
  const baseUrl = e.AMOCRM_BASE_URL.replace(/\/$/, '');
  if (e.AMOCRM_ACCESS_TOKEN) {
    if (anyOauth)
      throw new Error('Set AMOCRM_ACCESS_TOKEN or the AMOCRM_CLIENT_* variables, not both');
    return { baseUrl, accessToken: e.AMOCRM_ACCESS_TOKEN };
  }
  if (!e.AMOCRM_CLIENT_ID || !e.AMOCRM_CLIENT_SECRET || !e.AMOCRM_REDIRECT_URI) {
    throw new Error(
      'Gateway mode needs AMOCRM_ACCESS_TOKEN, or AMOCRM_CLIENT_ID, AMOCRM_CLIENT_SECRET and AMOCRM_REDIRECT_URI',
    );
  }
  const grant = e.AMOCRM_AUTH_CODE
    ? ({ type: 'authorization_code', code: e.AMOCRM_AUTH_CODE } as const)
    : e.AMOCRM_REFRESH_TOKEN
      ? ({ type: 'refresh_token', token: e.AMOCRM_REFRESH_TOKEN } as const)
      : undefined;
  if (!grant) {
    throw new Error(
      'An amoCRM integration needs AMOCRM_AUTH_CODE or AMOCRM_REFRESH_TOKEN to start',
    );
  }
  return {
    baseUrl,
    oauth: {
      clientId: e.AMOCRM_CLIENT_ID,
      clientSecret: e.AMOCRM_CLIENT_SECRET,
      redirectUri: e.AMOCRM_REDIRECT_URI,
      grant,
    },
  };
}

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  seed: 'demo' | 'none';
  tariff: 'advanced' | 'base';
  proxy: ProxyConfig | undefined;
  rateLimitPerSecond: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  staticDir: string;
  requestTimeoutSeconds: number;
  /** `scheme://host[:port]` without a trailing slash, as configured (PUBLIC_URL). */
  publicUrl: string;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    seed: e.SEED,
    tariff: e.ACCOUNT_TARIFF,
    proxy: proxyConfig(e),
    rateLimitPerSecond: e.RATE_LIMIT_PER_SECOND,
    logLevel: e.LOG_LEVEL,
    staticDir: path.resolve(e.STATIC_DIR),
    requestTimeoutSeconds: e.REQUEST_TIMEOUT_SECONDS,
    publicUrl: e.PUBLIC_URL
      ? e.PUBLIC_URL.replace(/\/+$/, '')
      : `http://${e.HOST.includes(':') ? `[${e.HOST}]` : e.HOST}:${e.PORT}`,
  };
}
