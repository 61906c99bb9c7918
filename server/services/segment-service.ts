import { SEGMENT_COLORS } from '../../src/contracts/segment';
import type { ValidationError } from '../../src/contracts/problem';
import { createSegmentRepository, type SegmentWithCount } from '../db/segment-repository';
import { BadRequest, Forbidden, NoContent, NotFound } from '../errors';
import type { RouteDeps } from '../routes/deps';
import type { Principal } from './principal';
import { customerVisibility } from './rights';

/** amoCRM's own cap on segments per account. */
export const MAX_SEGMENTS = 100;

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The console offers amoCRM's palette only, so other colours are refused as amoCRM would. */
export function segmentColorErrors(color: string | undefined): ValidationError[] {
  if (color === undefined || (SEGMENT_COLORS as readonly string[]).includes(color)) return [];
  return [
    {
      code: 'NotSupportedChoice',
      path: 'color',
      detail: `Colour must be one of amoCRM's segment palette: ${SEGMENT_COLORS.join(', ')}`,
    },
  ];
}

function requireAdmin(principal: Principal) {
  if (!principal.isAdmin) throw new Forbidden('Only administrators may change segments');
}

/** Segments (segments mode); reads for everyone, writes for administrators. */
export function createSegmentService({ db }: Pick<RouteDeps, 'db'>) {
  const segments = createSegmentRepository(db);

  async function one(principal: Principal, id: number): Promise<SegmentWithCount | undefined> {
    const row = await segments.byId(id);
    if (!row) return undefined;
    const [withCount] = await segments.withCounts([row], customerVisibility(principal));
    return withCount;
  }

  return {
    /** Checked before the body, so a non-admin learns the real reason first. */
    assertMayWrite: requireAdmin,

    async page(principal: Principal, page: number, limit: number) {
      const rows = await segments.page(
        (page - 1) * limit,
        limit + 1,
        customerVisibility(principal),
      );
      return { rows: rows.slice(0, limit), hasNext: rows.length > limit };
    },

    async get(principal: Principal, id: number): Promise<SegmentWithCount> {
      const segment = await one(principal, id);
      if (!segment) throw new NoContent();
      return segment;
    },

    async create(principal: Principal, values: Array<{ name: string; color: string }>) {
      requireAdmin(principal);
      const created = await segments.createMany(values, nowSeconds(), MAX_SEGMENTS);
      if (created === 'too-many') {
        throw new BadRequest(`An account can have at most ${MAX_SEGMENTS} segments`);
      }
      return created.map((row) => ({ ...row, customersCount: 0 }));
    },

    /** A PATCH of a missing segment is a 404: a 204 would read as success. */
    async update(principal: Principal, id: number, patch: { name?: string; color?: string }) {
      requireAdmin(principal);
      const updated = await segments.update(id, patch, nowSeconds());
      if (!updated) throw new NotFound(`Segment ${id} does not exist`);
      const [withCount] = await segments.withCounts([updated], customerVisibility(principal));
      return withCount!;
    },

    async delete(principal: Principal, id: number): Promise<void> {
      requireAdmin(principal);
      await segments.delete(id);
    },
  };
}
