import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from '../contracts/zod';
import { linksWriteResponseSchema, type LinkWrite } from '../contracts/link';
import { apiClient, requireBody } from '../lib/api-client';
import { customerQueries } from './customers';

/** `POST /api/v4/customers/{id}/link` → 200 `_embedded.links`. */
export async function linkToCustomer(customerId: number, links: LinkWrite[]) {
  const body = await apiClient.post(
    `/api/v4/customers/${String(customerId)}/link`,
    links,
    linksWriteResponseSchema,
  );
  return requireBody(body, 'Linking');
}

/** `POST /api/v4/customers/{id}/unlink` → 204. */
export async function unlinkFromCustomer(customerId: number, links: LinkWrite[]) {
  await apiClient.post(`/api/v4/customers/${String(customerId)}/unlink`, links, z.unknown());
}

export interface ContactLinkInput {
  contactId: number;
  isMain?: boolean;
}

/** The customer's embeds changed: its detail and any grid page showing its contacts refetch. */
function useInvalidateCustomer(customerId: number) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: customerQueries.detail(customerId).queryKey }),
      queryClient.invalidateQueries({ queryKey: customerQueries.lists() }),
    ]);
}

export function useLinkContact(customerId: number) {
  const invalidate = useInvalidateCustomer(customerId);
  return useMutation({
    mutationFn: ({ contactId, isMain }: ContactLinkInput) =>
      linkToCustomer(customerId, [
        {
          to_entity_id: contactId,
          to_entity_type: 'contacts',
          ...(isMain ? { metadata: { main_contact: true } } : {}),
        },
      ]),
    onSuccess: invalidate,
  });
}

export function useUnlinkContact(customerId: number) {
  const invalidate = useInvalidateCustomer(customerId);
  return useMutation({
    mutationFn: (contactId: number) =>
      unlinkFromCustomer(customerId, [{ to_entity_id: contactId, to_entity_type: 'contacts' }]),
    onSuccess: invalidate,
  });
}
