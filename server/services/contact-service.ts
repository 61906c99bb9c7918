import type { Db } from '../db/client';
import {
  createContactRepository,
  type CompanyRecord,
  type ContactRecord,
  type PartyListQuery,
} from '../db/contact-repository';
import { NoContent } from '../errors';
import type { Principal } from './principal';
import { customerVisibility } from './rights';

export type Page<T> = { items: T[]; hasNext: boolean };

function page<T>(rows: T[], limit: number): Page<T> {
  // amoCRM answers an empty list (or a page past the end) with 204.
  if (rows.length === 0) throw new NoContent();
  return { items: rows.slice(0, limit), hasNext: rows.length > limit };
}

/**
 * Contacts and companies, read-only here. They are not scoped by the customers rights:
 * any signed-in user may read them (the console needs their names on every customer).
 */
export function createContactService({ db }: { db: Db }) {
  const repo = createContactRepository(db);
  return {
    async listContacts(query: PartyListQuery): Promise<Page<ContactRecord>> {
      return page(await repo.listContacts(query), query.limit);
    },
    /** `with=customers`: each contact's customers that `principal` may see, by id. */
    async customersOf(principal: Principal, contactIds: number[]): Promise<Map<number, number[]>> {
      return repo.customerIdsOf(contactIds, customerVisibility(principal));
    },
    async getContact(id: number): Promise<ContactRecord> {
      const found = await repo.findContact(id);
      if (!found) throw new NoContent();
      return found;
    },
    async listCompanies(query: PartyListQuery): Promise<Page<CompanyRecord>> {
      return page(await repo.listCompanies(query), query.limit);
    },
    async getCompany(id: number): Promise<CompanyRecord> {
      const found = await repo.findCompany(id);
      if (!found) throw new NoContent();
      return found;
    },
  };
}
