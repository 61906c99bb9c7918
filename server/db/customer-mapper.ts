import type { Customer } from '../../src/contracts/customer';
import { ACCOUNT_ID } from './account-repository';
import { customers } from './schema';

/** The columns a customer answer needs (not search_text, which can be long, nor bonus points). */
export const customerColumns = {
  id: customers.id,
  name: customers.name,
  nextPrice: customers.nextPrice,
  nextDate: customers.nextDate,
  responsibleUserId: customers.responsibleUserId,
  statusId: customers.statusId,
  periodicity: customers.periodicity,
  createdBy: customers.createdBy,
  updatedBy: customers.updatedBy,
  createdAt: customers.createdAt,
  updatedAt: customers.updatedAt,
  closestTaskAt: customers.closestTaskAt,
  isDeleted: customers.isDeleted,
  customFieldsValues: customers.customFieldsValues,
  ltv: customers.ltv,
  purchasesCount: customers.purchasesCount,
  averageCheck: customers.averageCheck,
};

export type CustomerRow = Pick<typeof customers.$inferSelect, keyof typeof customerColumns>;

/** Linked entities of a page of customers, keyed by customer id. Absent kinds were not asked for. */
export type CustomerEmbeds = {
  segments: Map<number, number[]>;
  tags: Map<number, Array<{ id: number; name: string; color: string | null }>>;
  contacts?: Map<number, Array<{ id: number; isMain: boolean }>>;
  companies?: Map<number, number[]>;
  catalogElements?: Map<number, Array<{ id: number; catalogId: number; quantity: number }>>;
};

/** A row and its embeds in amoCRM's shape; `base` is the scheme and host links point at. */
export function toCustomer(row: CustomerRow, embeds: CustomerEmbeds, base: string): Customer {
  const link = (path: string) => ({ self: { href: `${base}/api/v4/${path}` } });
  const id = row.id;
  const fields = row.customFieldsValues;
  const embedded: Customer['_embedded'] = {
    segments: (embeds.segments.get(id) ?? []).map((s) => ({
      id: s,
      _links: link(`customers/segments/${s}`),
    })),
    tags: embeds.tags.get(id) ?? [],
  };
  if (embeds.contacts) {
    embedded.contacts = (embeds.contacts.get(id) ?? []).map((c) => ({
      id: c.id,
      is_main: c.isMain,
      _links: link(`contacts/${c.id}`),
    }));
  }
  if (embeds.companies) {
    embedded.companies = (embeds.companies.get(id) ?? []).map((c) => ({
      id: c,
      _links: link(`companies/${c}`),
    }));
  }
  if (embeds.catalogElements) {
    embedded.catalog_elements = (embeds.catalogElements.get(id) ?? []).map((e) => ({
      id: e.id,
      metadata: { quantity: e.quantity, catalog_id: e.catalogId },
    }));
  }
  return {
    id,
    name: row.name,
    next_price: row.nextPrice,
    next_date: row.nextDate,
    responsible_user_id: row.responsibleUserId,
    status_id: row.statusId,
    periodicity: row.periodicity,
    created_by: row.createdBy,
    updated_by: row.updatedBy,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
    closest_task_at: row.closestTaskAt,
    is_deleted: row.isDeleted,
    // amoCRM answers null, not [], for a customer without values.
    custom_fields_values: fields && fields.length > 0 ? fields : null,
    ltv: row.ltv,
    purchases_count: row.purchasesCount,
    average_check: row.averageCheck,
    account_id: ACCOUNT_ID,
    _links: link(`customers/${id}`),
    _embedded: embedded,
  };
}
