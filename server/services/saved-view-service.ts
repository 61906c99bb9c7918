import type {
  SavedView,
  SavedViewCreate,
  SavedViewsList,
  SavedViewUpdate,
} from '../../src/contracts/saved-view';
import type { SavedViewRepository } from '../db/saved-view-repository';
import { Forbidden, NotFound, Unprocessable } from '../errors';
import type { Principal } from './principal';

/** Enough for any person's bookmarks; bounds what one user can store. */
export const SAVED_VIEWS_PER_USER = 100;

const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * Saved views: everyone sees the shared views and their own; only the owner or an
 * administrator changes a view, and only administrators share one.
 */
export function createSavedViewService(views: SavedViewRepository) {
  const mayChange = (principal: Principal, view: SavedView) =>
    principal.isAdmin || (view.owner_id === principal.id && !view.shared);

  /** A view the caller may see, or 404: others' personal views are not disclosed. */
  async function visible(principal: Principal, id: number): Promise<SavedView> {
    const view = await views.byId(id);
    if (!view || (!view.shared && view.owner_id !== principal.id)) {
      throw new NotFound('No such saved view');
    }
    return view;
  }

  async function changeable(principal: Principal, id: number): Promise<SavedView> {
    const view = await visible(principal, id);
    if (!mayChange(principal, view)) {
      throw new Forbidden('Only an administrator changes a shared view');
    }
    return view;
  }

  function refuseSharingUnlessAdmin(principal: Principal, shared: boolean | undefined) {
    if (shared && !principal.isAdmin) throw new Forbidden('Only an administrator shares a view');
  }

  return {
    async list(principal: Principal): Promise<SavedViewsList> {
      const [list, defaultViewId] = await Promise.all([
        views.visibleTo(principal.id),
        views.defaultOf(principal.id),
      ]);
      return { views: list, default_view_id: defaultViewId };
    },

    async create(principal: Principal, input: SavedViewCreate): Promise<SavedView> {
      refuseSharingUnlessAdmin(principal, input.shared);
      if ((await views.countOwnedBy(principal.id)) >= SAVED_VIEWS_PER_USER) {
        throw new Unprocessable(`At most ${SAVED_VIEWS_PER_USER} saved views per user`);
      }
      return views.create({
        ownerId: principal.id,
        name: input.name,
        url: input.url,
        shared: input.shared ?? false,
        now: nowSeconds(),
      });
    },

    async update(principal: Principal, id: number, input: SavedViewUpdate): Promise<SavedView> {
      await changeable(principal, id);
      refuseSharingUnlessAdmin(principal, input.shared);
      return views.update(id, input, nowSeconds());
    },

    async remove(principal: Principal, id: number): Promise<void> {
      await changeable(principal, id);
      await views.remove(id);
    },

    /** Reorders views of one list (shared, or the caller's own); every id must be changeable. */
    async reorder(principal: Principal, ids: number[]): Promise<void> {
      const unique = [...new Set(ids)];
      const found = await views.byIds(unique);
      if (found.length !== unique.length) throw new NotFound('No such saved view');
      for (const view of found) {
        if (!view.shared && view.owner_id !== principal.id)
          throw new NotFound('No such saved view');
        if (!mayChange(principal, view)) {
          throw new Forbidden('Only an administrator reorders shared views');
        }
      }
      if (new Set(found.map((view) => view.shared)).size > 1) {
        throw new Unprocessable('Shared and personal views are ordered separately');
      }
      await views.reorder(unique);
    },

    async setDefault(principal: Principal, viewId: number | null): Promise<void> {
      if (viewId !== null) await visible(principal, viewId);
      await views.setDefault(principal.id, viewId);
    },
  };
}
