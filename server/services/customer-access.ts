import type { Db } from '../db/client';
import { findCustomerOwner, type CustomerOwner } from '../db/customer-owner-repository';
import { BadRequest, Forbidden } from '../errors';
import type { Principal } from './principal';
import { mayActOn, type CustomerAction } from './rights';

/**
 * The customer a write is aimed at. Missing and hidden customers both answer 400
 * "Customer not found" (a write to nothing is a client mistake, and a 204 would read as
 * success); a visible customer the caller may not change answers 403.
 */
export async function requireCustomer(
  db: Db,
  principal: Principal,
  customerId: number,
  action: CustomerAction,
  options: { lock?: boolean } = {},
): Promise<CustomerOwner> {
  const owner = await findCustomerOwner(db, principal, customerId, options);
  if (!owner) throw new BadRequest(`Customer ${customerId} not found`);
  if (!mayActOn(principal, action, owner)) {
    throw new Forbidden(`You may not ${action} customer ${customerId}`);
  }
  return owner;
}
