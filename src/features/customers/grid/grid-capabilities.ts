import type { Account } from '../../../contracts/account';
import { CUSTOMER_ORDER_FIELDS, type CustomerOrderField } from '../../../contracts/customer';
import type { User } from '../../../contracts/user';

/** amoCRM itself orders customers by these only; everything else is our extension. */
const LIVE_ACCOUNT_ORDER_FIELDS: readonly CustomerOrderField[] = ['id', 'created_at', 'updated_at'];

/** The fields the API can order by: what the account declares, or amoCRM's own on a live account. */
export function sortableFields(account: Account): readonly CustomerOrderField[] {
  const declared = account.capabilities?.customers_order_fields;
  if (!declared) return LIVE_ACCOUNT_ORDER_FIELDS;
  return CUSTOMER_ORDER_FIELDS.filter((field) => declared.includes(field));
}

/** `filter[segment_id]` is our extension: hidden on a live account. */
export function canFilterBySegment(account: Account): boolean {
  return account.capabilities?.customers_filters.includes('segment_id') ?? false;
}

/** `filter[tag_id]` is our extension too. */
export function canFilterByTag(account: Account): boolean {
  return account.capabilities?.customers_filters.includes('tag_id') ?? false;
}

/** amoCRM lists users to administrators; our server may allow everyone (declared). */
export function canListUsers(account: Account, me: Pick<User, 'rights'>): boolean {
  return me.rights.is_admin || account.capabilities?.users_list_for_all === true;
}

export function canExport(me: Pick<User, 'rights'>): boolean {
  return me.rights.is_admin || me.rights.customers.export !== 'D';
}

/** "New customer" and "Import" are offered to those who may add customers. */
export function canAddCustomers(me: Pick<User, 'rights'>): boolean {
  return me.rights.is_admin || me.rights.customers.add !== 'D';
}

export type GridMode = 'segments' | 'periodicity';
/** `dynamic` is amoCRM's old name for the segments mode. */
export function gridMode(account: Account): GridMode | null {
  switch (account.customers_mode) {
    case 'segments':
    case 'dynamic':
      return 'segments';
    case 'periodicity':
      return 'periodicity';
    default:
      return null;
  }
}
