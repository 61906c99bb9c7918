import type { z } from 'zod';
import type { Link, linkWriteSchema } from '../../src/contracts/link';
import type { ValidationErrorsItem } from '../../src/contracts/problem';
import type { Db } from '../db/client';
import { findCustomerOwner, touchCustomer } from '../db/customer-owner-repository';
import { createLinkRepository, type LinkFilter, type LinkRepository } from '../db/link-repository';
import { BadRequest, Forbidden, NoContent, ValidationFailed } from '../errors';
import type { Principal } from './principal';
import { mayActOn } from './rights';

export type LinkWriteParsed = z.output<typeof linkWriteSchema>;
/** One item of a link/unlink batch, with the customer it is aimed at already decided. */
export type LinkItem = { customerId: number; requestId: string; value: LinkWriteParsed };

type Errors = ValidationErrorsItem['errors'];

/** Complaints about what items point at: targets must exist, elements need their catalog. */
async function targetErrors(
  repo: LinkRepository,
  items: LinkItem[],
): Promise<ValidationErrorsItem[]> {
  const idsOf = (type: LinkWriteParsed['to_entity_type']) => [
    ...new Set(
      items.filter((i) => i.value.to_entity_type === type).map((i) => i.value.to_entity_id),
    ),
  ];
  const contactIds = await repo.existingContacts(idsOf('contacts'));
  const companyIds = await repo.existingCompanies(idsOf('companies'));
  const catalogOf = await repo.elementCatalogs(idsOf('catalog_elements'));
  const failures: ValidationErrorsItem[] = [];
  for (const { requestId, value } of items) {
    const errors: Errors = [];
    const missing = (what: string) =>
      errors.push({
        code: 'NotFound',
        path: 'to_entity_id',
        detail: `${what} ${value.to_entity_id} does not exist`,
      });
    if (value.to_entity_type === 'contacts' && !contactIds.has(value.to_entity_id))
      missing('Contact');
    if (value.to_entity_type === 'companies' && !companyIds.has(value.to_entity_id))
      missing('Company');
    if (value.to_entity_type === 'catalog_elements') {
      const catalogId = catalogOf.get(value.to_entity_id);
      const claimed = value.metadata?.catalog_id;
      const quantity = value.metadata?.quantity;
      if (catalogId === undefined) missing('Catalog element');
      if (claimed === undefined) {
        errors.push({
          code: 'NotBlank',
          path: 'metadata.catalog_id',
          detail: 'Catalog elements need metadata.catalog_id',
        });
      } else if (catalogId !== undefined && catalogId !== claimed) {
        errors.push({
          code: 'InvalidValue',
          path: 'metadata.catalog_id',
          detail: `Catalog element ${value.to_entity_id} belongs to catalog ${catalogId}, not ${claimed}`,
        });
      }
      if (quantity !== undefined && !Number.isInteger(quantity)) {
        errors.push({
          code: 'InvalidType',
          path: 'metadata.quantity',
          detail: 'Quantity must be a whole number',
        });
      }
    }
    if (errors.length > 0) failures.push({ request_id: requestId, errors });
  }
  return failures;
}

/**
 * Checks every customer the batch names: hidden or missing ones are item errors (bulk form)
 * or one 400 (path form); visible ones the caller may not edit make the whole batch a 403.
 * Locks them, so concurrent batches on one customer apply one after the other.
 */
async function requireEditable(tx: Db, principal: Principal, items: LinkItem[], bulk: boolean) {
  const failures: ValidationErrorsItem[] = [];
  for (const customerId of new Set(items.map((i) => i.customerId))) {
    const owner = await findCustomerOwner(tx, principal, customerId, { lock: true });
    if (!owner) {
      if (!bulk) throw new BadRequest(`Customer ${customerId} not found`);
      for (const item of items.filter((i) => i.customerId === customerId)) {
        failures.push({
          request_id: item.requestId,
          errors: [
            { code: 'NotFound', path: 'entity_id', detail: `Customer ${customerId} not found` },
          ],
        });
      }
    } else if (!mayActOn(principal, 'edit', owner)) {
      throw new Forbidden(`You may not edit customer ${customerId}`);
    }
  }
  if (failures.length > 0) throw new ValidationFailed(failures);
}

/** Links between customers and contacts, companies and catalog elements. */
export function createLinkService({ db }: { db: Db }) {
  return {
    /** The links of customers the caller may view; 204 when there are none. */
    async list(principal: Principal, customerIds: number[], filter: LinkFilter): Promise<Link[]> {
      const repo = createLinkRepository(db);
      const visible = await repo.visibleCustomers(principal, customerIds);
      const links = await repo.linksOf(visible, filter);
      if (links.length === 0) throw new NoContent();
      return links;
    },

    /** Links everything or nothing; answers each item's link as it stands afterwards. */
    async link(
      principal: Principal,
      items: LinkItem[],
      { bulk }: { bulk: boolean },
    ): Promise<Link[]> {
      return db.transaction(async (tx) => {
        await requireEditable(tx, principal, items, bulk);
        const repo = createLinkRepository(tx);
        const failures = await targetErrors(repo, items);
        if (failures.length > 0) throw new ValidationFailed(failures);
        for (const { customerId, value } of items) {
          const metadata = value.metadata ?? undefined;
          switch (value.to_entity_type) {
            case 'contacts': {
              const main = metadata?.main_contact ?? metadata?.is_main;
              await repo.linkContact(customerId, value.to_entity_id, main);
              break;
            }
            case 'companies':
              await repo.linkCompany(customerId, value.to_entity_id);
              break;
            case 'catalog_elements':
              await repo.linkElement(
                customerId,
                value.to_entity_id,
                metadata!.catalog_id!,
                metadata?.quantity ?? 1,
              );
              break;
          }
        }
        const customerIds = [...new Set(items.map((i) => i.customerId))];
        const now = Math.floor(Date.now() / 1000);
        for (const id of customerIds) await touchCustomer(tx, id, principal.id, now);
        // Read back, so a contact that a later item demoted is not reported as main.
        const current = await repo.linksOf(customerIds, {});
        return items.flatMap(({ customerId, value }) =>
          current.filter(
            (l) =>
              l.entity_id === customerId &&
              l.to_entity_type === value.to_entity_type &&
              l.to_entity_id === value.to_entity_id,
          ),
        );
      });
    },

    /** Unlinks everything or nothing; targets that were not linked are left as they are. */
    async unlink(
      principal: Principal,
      items: LinkItem[],
      { bulk }: { bulk: boolean },
    ): Promise<void> {
      await db.transaction(async (tx) => {
        await requireEditable(tx, principal, items, bulk);
        const repo = createLinkRepository(tx);
        for (const { customerId, value } of items) {
          await repo.unlink(customerId, value.to_entity_type, value.to_entity_id);
        }
        const now = Math.floor(Date.now() / 1000);
        for (const id of new Set(items.map((i) => i.customerId))) {
          await touchCustomer(tx, id, principal.id, now);
        }
      });
    },
  };
}
