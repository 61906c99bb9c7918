import type { FastifyRequest } from 'fastify';
import type { User } from '../../src/contracts/user';
import type { UserRow } from '../db/user-repository';
import { selfLink } from './hal';

/** A users row in amoCRM's shape; `rights.group_id` follows the row's group. */
export function presentUser(request: FastifyRequest, row: UserRow): User {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    lang: row.lang,
    rights: { ...row.rights, group_id: row.groupId },
    _links: selfLink(request, `/api/v4/users/${row.id}`),
  };
}
