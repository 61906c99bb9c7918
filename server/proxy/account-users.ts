import { z } from 'zod';
import { entityRightsSchema, type EntityRights } from '../../src/contracts/user';
import { BadGateway } from './upstream';
import type { UpstreamQueue } from './upstream-queue';

/** How long the account's users and their rights are trusted before they are read again. */
export const USERS_TTL_MS = 3 * 60_000;

/** What the gateway needs to know about one user of the live account. */
export type AccountUser = {
  id: number;
  name: string;
  email: string;
  isAdmin: boolean;
  isActive: boolean;
  groupId: number | null;
  /** `rights.customers` (our extension; amoCRM itself does not send it), when present. */
  customers: EntityRights | undefined;
};

// Loose: amoCRM adds fields over time, and a user we cannot read must not break the others.
const upstreamUserSchema = z.looseObject({
  id: z.number().int(),
  name: z.string().catch(''),
  email: z.string(),
  rights: z
    .looseObject({
      is_admin: z.boolean().catch(false),
      is_active: z.boolean().catch(true),
      group_id: z.number().int().nullable().catch(null),
      customers: z.optional(entityRightsSchema).catch(undefined),
    })
    .catch({ is_admin: false, is_active: true, group_id: null, customers: undefined }),
});
const usersPageSchema = z.looseObject({
  _embedded: z.looseObject({ users: z.array(z.unknown()) }),
  _links: z.looseObject({ next: z.looseObject({ href: z.string() }).optional() }).optional(),
});

/** Most accounts have a few dozen users; the cap only stops a misbehaving upstream. */
const MAX_PAGES = 40;

async function fetchAccountUsers(queue: UpstreamQueue): Promise<AccountUser[]> {
  const found: AccountUser[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const answer = await queue.send({
      method: 'GET',
      url: `/api/v4/users?limit=250&page=${page}`,
      contentType: undefined,
      accept: 'application/hal+json',
      body: undefined,
    });
    if (answer.status === 204) break;
    if (answer.status === 401 || answer.status === 403) {
      throw new BadGateway(
        `amoCRM refused the users list (${answer.status}): the gateway needs a token of an account administrator`,
      );
    }
    if (answer.status !== 200) {
      throw new BadGateway(`amoCRM answered ${answer.status} to the users list`);
    }
    let parsed: z.infer<typeof usersPageSchema>;
    try {
      parsed = usersPageSchema.parse(JSON.parse(answer.body.toString('utf8')));
    } catch {
      throw new BadGateway('amoCRM answered the users list with something the gateway cannot read');
    }
    for (const raw of parsed._embedded.users) {
      const user = upstreamUserSchema.safeParse(raw);
      if (!user.success) continue;
      const { id, name, email, rights } = user.data;
      found.push({
        id,
        name,
        email: email.trim().toLowerCase(),
        isAdmin: rights.is_admin,
        isActive: rights.is_active,
        groupId: rights.group_id,
        customers: rights.customers,
      });
    }
    if (!parsed._links?.next) break;
  }
  return found;
}

/**
 * The live account's users, read through the shared queue and kept for a few minutes.
 * Sign-in forgets them, so a user whose rights changed upstream gets the new ones at once.
 * A failed read keeps what was known before; with nothing known it fails, and callers deny.
 */
export function createAccountUsers(queue: UpstreamQueue, ttlMs = USERS_TTL_MS) {
  let byEmail = new Map<string, AccountUser>();
  let byId = new Map<number, AccountUser>();
  let fetchedAt = -Infinity;
  let loaded = false;
  let pending: Promise<void> | undefined;

  function refresh(): Promise<void> {
    pending ??= fetchAccountUsers(queue)
      .then((list) => {
        byEmail = new Map(list.map((user) => [user.email, user]));
        byId = new Map(list.map((user) => [user.id, user]));
        fetchedAt = Date.now();
        loaded = true;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  }

  async function fresh(): Promise<void> {
    if (Date.now() - fetchedAt < ttlMs) return;
    try {
      await refresh();
    } catch (error) {
      if (!loaded) throw error;
      // Stale rights beat none while amoCRM hiccups; try again on the next request.
    }
  }

  return {
    /** The account user with this email, if any (emails compare case-insensitively). */
    byEmail: async (email: string) => {
      await fresh();
      return byEmail.get(email.trim().toLowerCase());
    },
    /** The group a responsible user belongs to, for `G` rights. */
    groupOf: async (id: number) => {
      await fresh();
      return byId.get(id)?.groupId ?? null;
    },
    /** Ids of the account's users in one group. */
    membersOf: async (groupId: number) => {
      await fresh();
      return [...byId.values()].filter((user) => user.groupId === groupId).map((user) => user.id);
    },
    all: async () => {
      await fresh();
      return [...byId.values()];
    },
    /** Called on sign-in: the next question reads the account again. */
    forget: () => {
      fetchedAt = -Infinity;
    },
  };
}

export type AccountUsers = ReturnType<typeof createAccountUsers>;
