import type { FastifyInstance } from 'fastify';
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
import { parseId, parseWhole } from './validate';

/** Saved grid views (`/api/views`), a console extension beside amoCRM's API. */
export async function savedViewsRoutes(app: FastifyInstance, deps: RouteDeps) {
  const views = createSavedViewService(createSavedViewRepository(deps.db));
  app.addHook('onRequest', app.requireUser);

  app.get('/api/views', async (request) => views.list(principalOf(request)));

  app.post('/api/views', async (request, reply) => {
    const body = parseWhole(savedViewCreateSchema, request.body);
    return reply.code(201).send(await views.create(principalOf(request), body));
  });

  // Static paths are registered before `:id`, so "order" and "default" are never taken as ids.
  app.put('/api/views/order', async (request, reply) => {
    const { ids } = parseWhole(savedViewOrderSchema, request.body);
    await views.reorder(principalOf(request), ids);
    return reply.code(204).send();
  });

  app.put('/api/views/default', async (request, reply) => {
    const { view_id } = parseWhole(savedViewDefaultSchema, request.body);
    await views.setDefault(principalOf(request), view_id);
    return reply.code(204).send();
  });

  app.patch('/api/views/:id', async (request) => {
    const { id } = request.params as { id: string };
    const body = parseWhole(savedViewUpdateSchema, request.body);
    return views.update(principalOf(request), parseId(id), body);
  });

  app.delete('/api/views/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    await views.remove(principalOf(request), parseId(id));
    return reply.code(204).send();
  });
}
