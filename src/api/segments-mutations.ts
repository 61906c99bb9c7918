import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from '../contracts/zod';
import { segmentSchema, segmentsPageSchema, type SegmentWrite } from '../contracts/segment';
import { apiClient, requireBody } from '../lib/api-client';
import { customerQueries } from './customers';
import { referenceQueries } from './reference';

export type SegmentPatch = Partial<SegmentWrite>;

/** `POST /api/v4/customers/segments` takes an array and answers `_embedded.segments`. */
export async function createSegments(items: SegmentWrite[]) {
  const body = await apiClient.post('/api/v4/customers/segments', items, segmentsPageSchema);
  return requireBody(body, 'Adding segments')._embedded.segments;
}

export async function updateSegment(id: number, patch: SegmentPatch) {
  const body = await apiClient.patch(
    `/api/v4/customers/segments/${String(id)}`,
    patch,
    segmentSchema,
  );
  return requireBody(body, 'Updating the segment');
}

export async function deleteSegment(id: number): Promise<void> {
  // 204 expected.
  await apiClient.delete(`/api/v4/customers/segments/${String(id)}`, z.unknown());
}

/** Segments label customers in the grid: a change refreshes both. */
function useInvalidateSegments() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: referenceQueries.segments().queryKey }),
      queryClient.invalidateQueries({ queryKey: customerQueries.all }),
    ]);
}

export function useCreateSegment() {
  const invalidate = useInvalidateSegments();
  return useMutation({
    mutationFn: async (item: SegmentWrite) => {
      const [created] = await createSegments([item]);
      return created;
    },
    onSuccess: invalidate,
  });
}

export function useUpdateSegment() {
  const invalidate = useInvalidateSegments();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: SegmentPatch }) => updateSegment(id, patch),
    onSuccess: invalidate,
  });
}

export function useDeleteSegment() {
  const invalidate = useInvalidateSegments();
  return useMutation({
    mutationFn: deleteSegment,
    onSuccess: invalidate,
  });
}
