import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from '../contracts/zod';
import {
  savedViewSchema,
  savedViewsListSchema,
  type SavedViewCreate,
  type SavedViewsList,
  type SavedViewUpdate,
} from '../contracts/saved-view';
import { apiClient, requireBody } from '../lib/api-client';

export async function listSavedViews(signal?: AbortSignal) {
  return requireBody(
    await apiClient.get('/api/views', savedViewsListSchema, { signal }),
    'Listing saved views',
  );
}

export const savedViewQueries = {
  all: ['saved-views'] as const,
  list: () =>
    queryOptions({
      queryKey: [...savedViewQueries.all, 'list'] as const,
      queryFn: ({ signal }) => listSavedViews(signal),
    }),
};

/**
 * Every change re-reads the list: positions and the default are the server's to decide.
 * `optimistic` shows the change at once (a ticked box stays ticked) and is undone on failure.
 */
function useSavedViewMutation<TInput, TOutput>(
  mutationFn: (input: TInput) => Promise<TOutput>,
  optimistic?: (list: SavedViewsList, input: TInput) => SavedViewsList,
) {
  const queryClient = useQueryClient();
  const { queryKey } = savedViewQueries.list();
  return useMutation({
    mutationFn,
    onMutate: async (input: TInput) => {
      if (!optimistic) return undefined;
      await queryClient.cancelQueries({ queryKey });
      const previous = queryClient.getQueryData(queryKey);
      if (previous) queryClient.setQueryData(queryKey, optimistic(previous, input));
      return previous;
    },
    onError: (_error, _input, previous) => {
      if (previous) queryClient.setQueryData(queryKey, previous);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: savedViewQueries.all }),
  });
}

export const useCreateSavedView = () =>
  useSavedViewMutation(async (input: SavedViewCreate) =>
    requireBody(await apiClient.post('/api/views', input, savedViewSchema), 'Saving the view'),
  );

export const useUpdateSavedView = () =>
  useSavedViewMutation(
    async ({ id, ...changes }: SavedViewUpdate & { id: number }) =>
      apiClient.patch(`/api/views/${String(id)}`, changes, savedViewSchema),
    (list, { id, ...changes }) => ({
      ...list,
      views: list.views.map((view) => (view.id === id ? { ...view, ...changes } : view)),
    }),
  );

export const useDeleteSavedView = () =>
  useSavedViewMutation((id: number) => apiClient.delete(`/api/views/${String(id)}`, z.unknown()));

export const useReorderSavedViews = () =>
  useSavedViewMutation(
    (ids: number[]) => apiClient.put('/api/views/order', { ids }, z.unknown()),
    (list, ids) => ({
      ...list,
      views: list.views
        .map((view) => (ids.includes(view.id) ? { ...view, position: ids.indexOf(view.id) } : view))
        .sort(
          (a, b) => Number(b.shared) - Number(a.shared) || a.position - b.position || a.id - b.id,
        ),
    }),
  );

export const useSetDefaultSavedView = () =>
  useSavedViewMutation(
    (viewId: number | null) =>
      apiClient.put('/api/views/default', { view_id: viewId }, z.unknown()),
    (list, viewId) => ({ ...list, default_view_id: viewId }),
  );
