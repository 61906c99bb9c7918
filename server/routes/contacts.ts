import type { FastifyInstance, FastifyRequest } from 'fastify';
import type {
  Company,
  companiesPageSchema,
  Contact,
  contactsPageSchema,
} from '../../src/contracts/contact';
import type { z } from 'zod';
import type { PartyListQuery } from '../db/contact-repository';
import { BadRequest } from '../errors';
import { principalOf } from '../plugins/auth';
import { createContactService } from '../services/contact-service';
import type { RouteDeps } from './deps';
import { pageLinks, selfLink } from './hal';
import { intList, objectParam, pagination, parseId } from './validate';

type Query = Record<string, unknown>;

const QUERY_MAX = 1000;

/** `query` as a trimmed string, or undefined when absent or blank. */
export function searchText(raw: unknown): string | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') throw new BadRequest('query must be a string');
  if (raw.length > QUERY_MAX) throw new BadRequest(`query must be at most ${QUERY_MAX} characters`);
  const text = raw.trim();
  return text === '' ? undefined : text;
}

/** amoCRM's `with` on contacts; `customers` is the one this server embeds, others are ignored. */
function withCustomers(raw: unknown): boolean {
  if (raw === undefined) return false;
  if (typeof raw !== 'string') throw new BadRequest('with must be a comma-separated string');
  return raw.split(',').some((part) => part.trim() === 'customers');
}

function parsePartyQuery(query: Query): PartyListQuery {
  const filter = objectParam(query.filter, 'filter');
  for (const key of Object.keys(filter)) {
    if (key !== 'id') throw new BadRequest(`Unknown filter: filter[${key}]`);
  }
  const order = Object.entries(objectParam(query.order, 'order'));
  if (order.length > 1) throw new BadRequest('order takes one field, e.g. order[id]=desc');
  const [field = 'id', direction = 'asc'] = order[0] ?? [];
  if (field !== 'id' && field !== 'updated_at') {
    throw new BadRequest('order takes id or updated_at');
  }
  if (direction !== 'asc' && direction !== 'desc') {
    throw new BadRequest(`order[${field}] must be asc or desc`);
  }
  return {
    ids: intList(filter.id, 'filter[id]'),
    query: searchText(query.query),
    order: { field, direction },
    ...pagination(query),
  };
}

/** `GET /contacts`, `/contacts/{id}`, `/companies`, `/companies/{id}` in amoCRM's shapes. */
export async function contactsRoutes(app: FastifyInstance, deps: RouteDeps) {
  const service = createContactService(deps);

  const contactOut = (request: FastifyRequest, record: Omit<Contact, '_links'>): Contact => ({
    ...record,
    _links: selfLink(request, `/api/v4/contacts/${record.id}`),
  });
  const companyOut = (request: FastifyRequest, record: Omit<Company, '_links'>): Company => ({
    ...record,
    _links: selfLink(request, `/api/v4/companies/${record.id}`),
  });

  app.get<{ Querystring: Query }>('/contacts', async (request, reply) => {
    const query = parsePartyQuery(request.query);
    const { items, hasNext } = await service.listContacts(query);
    const customersOf = withCustomers(request.query.with)
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
    reply.type('application/hal+json');
    return body;
  });

  app.get<{ Params: { id: string } }>('/contacts/:id', async (request, reply) => {
    const record = await service.getContact(parseId(request.params.id));
    reply.type('application/hal+json');
    return contactOut(request, record);
  });

  app.get<{ Querystring: Query }>('/companies', async (request, reply) => {
    const query = parsePartyQuery(request.query);
    const { items, hasNext } = await service.listCompanies(query);
    const body: z.infer<typeof companiesPageSchema> = {
      ...pageLinks(request, query.page, hasNext),
      _embedded: { companies: items.map((item) => companyOut(request, item)) },
    };
    reply.type('application/hal+json');
    return body;
  });

  app.get<{ Params: { id: string } }>('/companies/:id', async (request, reply) => {
    const record = await service.getCompany(parseId(request.params.id));
    reply.type('application/hal+json');
    return companyOut(request, record);
  });
}
