import type { Customer } from '../../../contracts/customer';
import type { User } from '../../../contracts/user';

/**
 * Whether `me` may edit `customer` (and so link contacts, delete its transactions), mirroring the
 * server's rule: admin, or `edit` A; M when responsible; G when the responsible user is in my group.
 * `users` lets G compare groups; without it G falls back to M.
 */
export function canEditCustomer(
  me: Pick<User, 'id' | 'rights'>,
  customer: Pick<Customer, 'responsible_user_id'>,
  users: ReadonlyArray<Pick<User, 'id' | 'rights'>> = [],
): boolean {
  if (me.rights.is_admin) return true;
  switch (me.rights.customers.edit) {
    case 'A':
      return true;
    case 'M':
      return customer.responsible_user_id === me.id;
    case 'G': {
      if (customer.responsible_user_id === me.id) return true;
      const group = me.rights.group_id;
      const owner = users.find((user) => user.id === customer.responsible_user_id);
      return group !== null && owner?.rights.group_id === group;
    }
    case 'D':
      return false;
  }
}
