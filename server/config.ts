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
  /** Requests per second per client before 429; 0 turns the limiter off (benchmarks). */
  RATE_LIMIT_PER_SECOND: z.coerce.number().int().min(0).default(50),
  /** The origin clients reach this server at (HAL links, the CSRF check); default the listen address. */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  STATIC_DIR: z.string().default('./dist'),
  /** A request (headers and body) must arrive within this; a dribbling client is cut off. */
  REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(45),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  seed: 'demo' | 'none';
  tariff: 'advanced' | 'base';
  proxy: { baseUrl: string; accessToken: string } | undefined;
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
  if (Boolean(e.AMOCRM_BASE_URL) !== Boolean(e.AMOCRM_ACCESS_TOKEN)) {
    throw new Error('Proxy mode needs both AMOCRM_BASE_URL and AMOCRM_ACCESS_TOKEN');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    seed: e.SEED,
    tariff: e.ACCOUNT_TARIFF,
    proxy:
      e.AMOCRM_BASE_URL && e.AMOCRM_ACCESS_TOKEN
        ? { baseUrl: e.AMOCRM_BASE_URL.replace(/\/$/, ''), accessToken: e.AMOCRM_ACCESS_TOKEN }
        : undefined,
    rateLimitPerSecond: e.RATE_LIMIT_PER_SECOND,
    logLevel: e.LOG_LEVEL,
    staticDir: path.resolve(e.STATIC_DIR),
    requestTimeoutSeconds: e.REQUEST_TIMEOUT_SECONDS,
    publicUrl: e.PUBLIC_URL
      ? e.PUBLIC_URL.replace(/\/+$/, '')
      : `http://${e.HOST.includes(':') ? `[${e.HOST}]` : e.HOST}:${e.PORT}`,
  };
}
