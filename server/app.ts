import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import qs from 'qs';
import type { Config } from './config';
import type { Db } from './db/client';
import { createAccountRepository } from './db/account-repository';
import { authPlugin } from './plugins/auth';
import { compressionPlugin } from './plugins/compression';
import { contentTypePlugin } from './plugins/content-type';
import { customersGate } from './plugins/customers-gate';
import { errorHandlerPlugin } from './plugins/error-handler';
import { clientErrorHandler, frameworkErrors } from './plugins/framework-errors';
import { rateLimitPlugin } from './plugins/rate-limit';
import { staticFilesPlugin } from './plugins/static-files';
import { createGateway, type GatewayOptions } from './proxy/gateway';
import { gatewayAuthPlugin } from './proxy/gateway-auth';
import { proxyRoutes } from './proxy/proxy-routes';
import { accountRoutes } from './routes/account';
import { authRoutes } from './routes/auth';
import { bonusPointsRoutes } from './routes/bonus-points';
import { catalogsRoutes } from './routes/catalogs';
import { contactsRoutes } from './routes/contacts';
import { customFieldsRoutes } from './routes/custom-fields';
import { customersRoutes } from './routes/customers';
import { customersModeRoutes } from './routes/customers-mode';
import type { RouteDeps } from './routes/deps';
import { healthRoutes } from './routes/health';
import { linksRoutes } from './routes/links';
import { savedViewsRoutes } from './routes/saved-views';
import { segmentsRoutes } from './routes/segments';
import { statusesRoutes } from './routes/statuses';
import { tagsRoutes } from './routes/tags';
import { transactionsRoutes } from './routes/transactions';
import { usersRoutes } from './routes/users';

export type BuildOptions = {
  db: Db;
  config: Config;
  /** Pino options or false; tests pass false. */
  logger?: boolean | { level: string };
  /** Gateway-mode knobs for tests (queue pace, upstream timeout). */
  gateway?: GatewayOptions;
};

/** The whole server, ready for `inject` or `listen` (only cli.ts listens). */
export async function buildApp({
  db,
  config,
  logger = false,
  gateway: gatewayOptions,
}: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    // Room for a 250-item batch with custom fields; larger bodies get a 413 problem.
    bodyLimit: 4 * 1024 * 1024,
    // Slow bodies: the whole request must arrive within the timeout (Node answers 408 and closes
    // the socket). Node checks every connectionsCheckingInterval, so the cut comes at most that
    // much later: 45 s + 5 s by default, under a minute. headersTimeout must not exceed it.
    requestTimeout: config.requestTimeoutSeconds * 1000,
    http: {
      connectionsCheckingInterval: Math.min(5000, config.requestTimeoutSeconds * 500),
      headersTimeout: config.requestTimeoutSeconds * 1000,
    },
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    trustProxy: false,
    // Errors raised before routing (bad URL, oversized headers) are problem+json too.
    frameworkErrors,
    clientErrorHandler,
    // amoCRM clients encode arrays three ways (`k=1&k=2`, `k[]=1`, `k[0]=1`); qs reads them all.
    routerOptions: {
      querystringParser: (text: string) =>
        qs.parse(text, { depth: 4, arrayLimit: 250, parameterLimit: 2000 }),
    },
  });

  app.decorate('publicUrl', config.publicUrl);
  // Routes declare params/querystring/body as the contracts' zod schemas (src/contracts/).
  app.setValidatorCompiler(validatorCompiler);

  // Once closing, answers end their connection: a keep-alive socket left open would hold
  // the drain until keepAliveTimeout.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    if (closing) reply.header('connection', 'close');
    return payload;
  });

  await app.register(errorHandlerPlugin, { spa: existsSync(`${config.staticDir}/index.html`) });
  await app.register(contentTypePlugin);
  await app.register(helmet, {
    // Mantine sets style attributes at run time; scripts stay same-origin only.
    contentSecurityPolicy: { directives: { 'style-src': ["'self'", "'unsafe-inline'"] } },
  });
  await app.register(cookie);
  // Before every route and the static files, so its onSend hook sees all of them.
  await app.register(compressionPlugin);
  if (config.rateLimitPerSecond > 0) {
    await app.register(rateLimitPlugin, { perSecond: config.rateLimitPerSecond });
  }
  await app.register(authPlugin, { db });

  const gateway = config.proxy ? createGateway(config.proxy, db, gatewayOptions) : undefined;
  if (gateway) app.addHook('onClose', async () => gateway.close());
  const deps: RouteDeps = { db, config, account: createAccountRepository(db), gateway };
  await app.register(healthRoutes, deps);
  if (gateway) await app.register(gatewayAuthPlugin, { gateway });
  await app.register(authRoutes, deps);
  // Saved views live in the console's own database, in gateway mode too.
  await app.register(savedViewsRoutes, deps);

  await app.register(
    async (v4) => {
      v4.addHook('onRequest', v4.requireUser);
      if (gateway) {
        await v4.register(proxyRoutes, { gateway });
        return;
      }
      v4.addHook('onRequest', customersGate({ tariff: config.tariff, account: deps.account }));
      for (const routes of [
        customersModeRoutes,
        customersRoutes,
        transactionsRoutes,
        linksRoutes,
        bonusPointsRoutes,
        segmentsRoutes,
        statusesRoutes,
        customFieldsRoutes,
        tagsRoutes,
        contactsRoutes,
        catalogsRoutes,
        accountRoutes,
        usersRoutes,
      ]) {
        await v4.register(routes, deps);
      }
    },
    { prefix: '/api/v4' },
  );

  if (existsSync(`${config.staticDir}/index.html`)) {
    await app.register(staticFilesPlugin, { root: config.staticDir });
  }
  return app;
}
