import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  partyListQuerySchema,
  type Company,
  type companiesPageSchema,
  type Contact,
  type contactsPageSchema,
} from '../../src/contracts/contact';
import { idParamsSchema } from '../../src/contracts/request';
import type { z } from '../../src/contracts/zod';
import type { PartyListQuery } from '../db/contact-repository';
import { principalOf } from '../plugins/auth';
import { HAL_JSON } from '../plugins/problem';
import { createContactService } from '../services/contact-service';
import type { RouteDeps } from './deps';
import { pageLinks, selfLink } from './hal';

type ListQuery = z.output<typeof partyListQuerySchema>;
const toPartyQuery = ({ filter, with: _with, ...rest }: ListQuery): PartyListQuery => ({
  ...rest,
  ids: filter?.id,
});

/** `GET /contacts`, `/contacts/{id}`, `/companies`, `/companies/{id}` in amoCRM's shapes. */
export async function contactsRoutes(root: FastifyInstance, deps: RouteDeps) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const service = createContactService(deps);

  const contactOut = (request: FastifyRequest, record: Omit<Contact, '_links'>): Contact => ({
    ...record,
    _links: selfLink(request, `/api/v4/contacts/${record.id}`),
  });
  const companyOut = (request: FastifyRequest, record: Omit<Company, '_links'>): Company => ({
    ...record,
    _links: selfLink(request, `/api/v4/companies/${record.id}`),
  });

  const list = { schema: { querystring: partyListQuerySchema } };
  const one = { schema: { params: idParamsSchema } };

  app.get('/contacts', list, async (request, reply) => {
    const query = toPartyQuery(request.query);
    const { items, hasNext } = await service.listContacts(query);
    const customersOf = request.query.with.includes('customers')
      ? await service.customersOf(
          principalOf(request),
          items.map((item) => item.id),
        )
      : undefined;
    const body: z.infer<typeof contactsPageSchema> = {
      ...pageLinks(request, query.page, hasNext),
      _embedded: {
        contacts: items.map((item) => {
          const contact = contactOut(request, item);
          if (!customersOf) return contact;
          const ids = customersOf.get(item.id) ?? [];
          return {
            ...contact,
            _embedded: {
              customers: ids.map((id) => ({
                id,
                _links: selfLink(request, `/api/v4/customers/${id}`),
              })),
            },
          };
        }),
      },
    };
    return reply.type(HAL_JSON).send(body);
  });

  app.get('/contacts/:id', one, async (request, reply) => {
    const record = await service.getContact(request.params.id);
    return reply.type(HAL_JSON).send(contactOut(request, record));
  });

  app.get('/companies', list, async (request, reply) => {
    const query = toPartyQuery(request.query);
    const { items, hasNext } = await service.listCompanies(query);
    const body: z.infer<typeof companiesPageSchema> = {
      ...pageLinks(request, query.page, hasNext),
      _embedded: { companies: items.map((item) => companyOut(request, item)) },
    };
    return reply.type(HAL_JSON).send(body);
  });

  app.get('/companies/:id', one, async (request, reply) => {
    const record = await service.getCompany(request.params.id);
    return reply.type(HAL_JSON).send(companyOut(request, record));
  });
}
