import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Company, Contact } from '../../src/contracts/contact';
import { ACCOUNT_ID } from './account-repository';
import type { Db } from './client';
import { companies, contacts, customerContacts, customers } from './schema';

/** Contacts and companies without their HAL links (those need the request's host). */
export type ContactRecord = Omit<Contact, '_links'>;
export type CompanyRecord = Omit<Company, '_links'>;

export type PartyOrder = { field: 'id' | 'updated_at'; direction: 'asc' | 'desc' };
export type PartyListQuery = {
  ids?: number[];
  query?: string;
  order: PartyOrder;
  page: number;
  limit: number;
};

/** `%text%` for LIKE, with the caller's own wildcards taken literally. */
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * amoCRM's `query` on contacts and companies: a case-insensitive substring of the name or of
 * any custom-field value (phones and emails live there).
 */
function matches(name: PgColumn, fieldValues: PgColumn, text: string): SQL {
  const pattern = likePattern(text);
  return sql`(lower(${name}) like ${pattern} or exists (
    select 1
    from jsonb_array_elements(coalesce(${fieldValues}, '[]'::jsonb)) as field,
         jsonb_array_elements(coalesce(field -> 'values', '[]'::jsonb)) as item
    where lower(item ->> 'value') like ${pattern}))`;
}

type PartyRow = typeof companies.$inferSelect;

function partyFields(row: PartyRow): CompanyRecord {
  return {
    id: row.id,
    name: row.name,
    responsible_user_id: row.responsibleUserId,
    // Groups of users are not modelled: amoCRM's default group is 0.
    group_id: 0,
    created_by: row.createdBy,
    updated_by: row.updatedBy,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
    closest_task_at: null,
    is_deleted: false,
    custom_fields_values:
      row.customFieldsValues && row.customFieldsValues.length > 0 ? row.customFieldsValues : null,
    account_id: ACCOUNT_ID,
  };
}

function toContact(row: typeof contacts.$inferSelect): ContactRecord {
  return {
    ...partyFields(row),
    first_name: row.firstName,
    last_name: row.lastName,
    is_unsorted: false,
  };
}

export function createContactRepository(db: Db) {
  return {
    /**
     * The customers of each contact, limited by `visibility` (the caller's customers rights),
     * so a contact never discloses a customer its reader may not see.
     */
    async customerIdsOf(
      contactIds: number[],
      visibility: SQL | undefined,
    ): Promise<Map<number, number[]>> {
      const byContact = new Map<number, number[]>();
      if (contactIds.length === 0) return byContact;
      const rows = await db
        .select({ contactId: customerContacts.contactId, customerId: customerContacts.customerId })
        .from(customerContacts)
        .innerJoin(customers, eq(customers.id, customerContacts.customerId))
        .where(and(inArray(customerContacts.contactId, contactIds), visibility))
        .orderBy(asc(customerContacts.customerId));
      for (const row of rows) {
        byContact.set(row.contactId, [...(byContact.get(row.contactId) ?? []), row.customerId]);
      }
      return byContact;
    },

    /** One page of contacts plus one row, so the caller knows whether a next page exists. */
    async listContacts(query: PartyListQuery): Promise<ContactRecord[]> {
      const by = query.order.direction === 'asc' ? asc : desc;
      const column = query.order.field === 'id' ? contacts.id : contacts.updatedAt;
      const rows = await db
        .select()
        .from(contacts)
        .where(
          and(
            query.ids ? inArray(contacts.id, query.ids) : undefined,
            query.query
              ? matches(contacts.name, contacts.customFieldsValues, query.query)
              : undefined,
          ),
        )
        .orderBy(by(column), by(contacts.id))
        .limit(query.limit + 1)
        .offset((query.page - 1) * query.limit);
      return rows.map(toContact);
    },

    async findContact(id: number): Promise<ContactRecord | undefined> {
      const rows = await db.select().from(contacts).where(eq(contacts.id, id)).limit(1);
      return rows[0] ? toContact(rows[0]) : undefined;
    },

    async listCompanies(query: PartyListQuery): Promise<CompanyRecord[]> {
      const by = query.order.direction === 'asc' ? asc : desc;
      const column = query.order.field === 'id' ? companies.id : companies.updatedAt;
      const rows = await db
        .select()
        .from(companies)
        .where(
          and(
            query.ids ? inArray(companies.id, query.ids) : undefined,
            query.query
              ? matches(companies.name, companies.customFieldsValues, query.query)
              : undefined,
          ),
        )
        .orderBy(by(column), by(companies.id))
        .limit(query.limit + 1)
        .offset((query.page - 1) * query.limit);
      return rows.map(partyFields);
    },

    async findCompany(id: number): Promise<CompanyRecord | undefined> {
      const rows = await db.select().from(companies).where(eq(companies.id, id)).limit(1);
      return rows[0] ? partyFields(rows[0]) : undefined;
    },
  };
}
