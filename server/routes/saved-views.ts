import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../src/contracts/request';
import {
  savedViewCreateSchema,
  savedViewDefaultSchema,
  savedViewOrderSchema,
  savedViewUpdateSchema,
} from '../../src/contracts/saved-view';
import { createSavedViewRepository } from '../db/saved-view-repository';
import { principalOf } from '../plugins/auth';
import { createSavedViewService } from '../services/saved-view-service';
import type { RouteDeps } from './deps';

/** Saved grid views (`/api/views`), a console extension beside amoCRM's API. */
export async function savedViewsRoutes(root: FastifyInstance, deps: RouteDeps) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const views = createSavedViewService(createSavedViewRepository(deps.db));
  app.addHook('onRequest', app.requireUser);

  app.get('/api/views', async (request) => views.list(principalOf(request)));

  app.post('/api/views', { schema: { body: savedViewCreateSchema } }, async (request, reply) => {
    return reply.code(201).send(await views.create(principalOf(request), request.body));
  });

  // Static paths are registered before `:id`, so "order" and "default" are never taken as ids.
  app.put(
    '/api/views/order',
    { schema: { body: savedViewOrderSchema } },
    async (request, reply) => {
      await views.reorder(principalOf(request), request.body.ids);
      return reply.code(204).send();
    },
  );

  const setDefault = { schema: { body: savedViewDefaultSchema } };
  app.put('/api/views/default', setDefault, async (request, reply) => {
    await views.setDefault(principalOf(request), request.body.view_id);
    return reply.code(204).send();
  });

  const update = { schema: { params: idParamsSchema, body: savedViewUpdateSchema } };
  app.patch('/api/views/:id', update, async (request) => {
    return views.update(principalOf(request), request.params.id, request.body);
  });

  app.delete('/api/views/:id', { schema: { params: idParamsSchema } }, async (request, reply) => {
    await views.remove(principalOf(request), request.params.id);
    return reply.code(204).send();
  });
}
