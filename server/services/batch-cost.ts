import { Unprocessable } from '../errors';
import type { WriteItem } from './customer-write-checks';

/**
 * Tags named in one customers write, all items together. The embedded database runs one
 * transaction at a time and every other request waits for it, so a batch's cost is bounded:
 * 2,500 tag links (ten per customer on a full 250-item batch) keep a write near a second on a
 * small machine; 250 × 100 tags took many seconds, during which nothing else was answered.
 */
export const TAGS_PER_REQUEST = 2500;

/** Refuses, before any database work, a batch that names more tags than the limit. */
export function assertBatchCost(items: readonly WriteItem[]) {
  let tags = 0;
  for (const item of items) {
    tags +=
      (item._embedded?.tags?.length ?? 0) +
      (item.tags_to_add?.length ?? 0) +
      (item.tags_to_delete?.length ?? 0);
  }
  if (tags > TAGS_PER_REQUEST) {
    throw new Unprocessable(
      `Limit ${TAGS_PER_REQUEST} tags per request (_embedded.tags, tags_to_add and tags_to_delete of all items together); this one names ${tags}: send fewer items per request`,
    );
  }
}
