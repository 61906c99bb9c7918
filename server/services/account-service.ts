import type { AccountCustomersMode, Capabilities } from '../../src/contracts/account';
import { CUSTOMER_ORDER_FIELDS } from '../../src/contracts/customer';
import type { AccountRow } from '../db/account-repository';
import type { RouteDeps } from '../routes/deps';

/** Filters `GET /customers` understands beyond amoCRM's own. */
export const EXTRA_CUSTOMER_FILTERS = ['segment_id', 'tag_id', 'next_price'] as const;

/** What `customers_mode` says: the tariff first, then the administrator's switch, then the mode. */
export function customersModeOf(
  row: AccountRow,
  tariff: RouteDeps['config']['tariff'],
): AccountCustomersMode {
  if (tariff === 'base') return 'unavailable';
  if (!row.customersEnabled) return 'disabled';
  return row.customersMode;
}

export function capabilitiesOf(row: AccountRow): Capabilities {
  return {
    customers_order_fields: [...CUSTOMER_ORDER_FIELDS],
    customers_filters: [...EXTRA_CUSTOMER_FILTERS],
    transactions_filters: ['customer_id', 'completed_at', 'order'],
    rights_customers: true,
    users_list_for_all: true,
    api_tokens: true,
    demo: row.isDemo,
  };
}

export function createAccountService({ account, config }: Pick<RouteDeps, 'account' | 'config'>) {
  return {
    async get(): Promise<{
      row: AccountRow;
      customersMode: AccountCustomersMode;
      capabilities: Capabilities;
    }> {
      const row = await account.get();
      return {
        row,
        customersMode: customersModeOf(row, config.tariff),
        capabilities: capabilitiesOf(row),
      };
    },
  };
}
