import type { ValidationErrorsItem } from '../../src/contracts/problem';
import { createTagRepository, type TagFilter, type TagRow } from '../db/tag-repository';
import { ValidationFailed } from '../errors';
import type { RouteDeps } from '../routes/deps';

type NewTag = { name: string; color: string | null; requestId: string };

const duplicate = (requestId: string, detail: string): ValidationErrorsItem => ({
  request_id: requestId,
  errors: [{ code: 'NotUnique', path: 'name', detail }],
});

/** Customers' tags: anyone signed in may list and add them, as in amoCRM. */
export function createTagService({ db }: Pick<RouteDeps, 'db'>) {
  const tags = createTagRepository(db);

  return {
    async page(filter: TagFilter, page: number, limit: number) {
      const rows = await tags.page(filter, (page - 1) * limit, limit + 1);
      return { rows: rows.slice(0, limit), hasNext: rows.length > limit };
    },

    async create(items: NewTag[]): Promise<TagRow[]> {
      const seen = new Set<string>();
      const repeated: ValidationErrorsItem[] = [];
      for (const item of items) {
        const key = item.name.toLowerCase();
        if (seen.has(key))
          repeated.push(
            duplicate(item.requestId, `Tag "${item.name}" appears twice in the request`),
          );
        seen.add(key);
      }
      if (repeated.length > 0) throw new ValidationFailed(repeated);

      const result = await tags.createMany(items.map(({ name, color }) => ({ name, color })));
      if ('taken' in result) {
        throw new ValidationFailed(
          items
            .filter((item) => result.taken.has(item.name.toLowerCase()))
            .map((item) => duplicate(item.requestId, `Tag "${item.name}" already exists`)),
        );
      }
      return result.created;
    },
  };
}
