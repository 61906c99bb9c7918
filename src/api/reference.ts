import { queryOptions } from '@tanstack/react-query';
import { catalogElementsPageSchema, catalogsPageSchema } from '../contracts/catalog';
import { companySchema, contactsPageSchema, contactSchema } from '../contracts/contact';
import { customFieldsPageSchema } from '../contracts/custom-field';
import { segmentsPageSchema } from '../contracts/segment';
import { customerStatusesPageSchema } from '../contracts/status';
import { tagsPageSchema } from '../contracts/tag';
import { usersPageSchema } from '../contracts/user';
import { apiClient } from '../lib/api-client';

/**
 * The account's reference data: small lists every view needs to label ids (users, segments,
 * tags, fields, statuses, catalogs). Fetched whole (≤250) and cached for minutes.
 */
const REFERENCE_STALE = 5 * 60_000;
const ALL = { limit: 250 };

export const referenceQueries = {
  all: ['reference'] as const,
  users: () =>
    queryOptions({
      queryKey: [...referenceQueries.all, 'users'] as const,
      queryFn: async ({ signal }) =>
        (await apiClient.get('/api/v4/users', usersPageSchema, { params: ALL, signal }))?._embedded
          .users ?? [],
      staleTime: REFERENCE_STALE,
    }),
  segments: () =>
    queryOptions({
      queryKey: [...referenceQueries.all, 'segments'] as const,
      queryFn: async ({ signal }) =>
        (
          await apiClient.get('/api/v4/customers/segments', segmentsPageSchema, {
            params: ALL,
            signal,
          })
        )?._embedded.segments ?? [],
      staleTime: REFERENCE_STALE,
    }),
  tags: () =>
    queryOptions({
      queryKey: [...referenceQueries.all, 'tags'] as const,
      queryFn: async ({ signal }) =>
        (await apiClient.get('/api/v4/customers/tags', tagsPageSchema, { params: ALL, signal }))
          ?._embedded.tags ?? [],
      staleTime: REFERENCE_STALE,
    }),
  customFields: () =>
    queryOptions({
      queryKey: [...referenceQueries.all, 'custom-fields'] as const,
      queryFn: async ({ signal }) =>
        (
          await apiClient.get('/api/v4/customers/custom_fields', customFieldsPageSchema, {
            params: ALL,
            signal,
          })
        )?._embedded.custom_fields ?? [],
      staleTime: REFERENCE_STALE,
    }),
  contactFields: () =>
    queryOptions({
      queryKey: [...referenceQueries.all, 'contact-fields'] as const,
      queryFn: async ({ signal }) =>
        (
          await apiClient.get('/api/v4/contacts/custom_fields', customFieldsPageSchema, {
            params: ALL,
            signal,
          })
        )?._embedded.custom_fields ?? [],
      staleTime: REFERENCE_STALE,
    }),
  /** Periodicity mode only: the API answers 422 in segments mode. */
  statuses: () =>
    queryOptions({
      queryKey: [...referenceQueries.all, 'statuses'] as const,
      queryFn: async ({ signal }) =>
        (
          await apiClient.get('/api/v4/customers/statuses', customerStatusesPageSchema, {
            params: ALL,
            signal,
          })
        )?._embedded.statuses ?? [],
      staleTime: REFERENCE_STALE,
    }),
  catalogs: () =>
    queryOptions({
      queryKey: [...referenceQueries.all, 'catalogs'] as const,
      queryFn: async ({ signal }) =>
        (await apiClient.get('/api/v4/catalogs', catalogsPageSchema, { params: ALL, signal }))
          ?._embedded.catalogs ?? [],
      staleTime: REFERENCE_STALE,
    }),
  catalogElements: (catalogId: number, query: string) =>
    queryOptions({
      queryKey: [...referenceQueries.all, 'catalog-elements', catalogId, query] as const,
      queryFn: async ({ signal }) =>
        (
          await apiClient.get(
            `/api/v4/catalogs/${String(catalogId)}/elements`,
            catalogElementsPageSchema,
            {
              params: { limit: 50, query: query || undefined },
              signal,
            },
          )
        )?._embedded.elements ?? [],
      staleTime: REFERENCE_STALE,
    }),
  catalogElementsById: (catalogId: number, ids: number[]) =>
    queryOptions({
      queryKey: [...referenceQueries.all, 'catalog-elements', catalogId, 'ids', ids] as const,
      queryFn: async ({ signal }) =>
        ids.length === 0
          ? []
          : ((
              await apiClient.get(
                `/api/v4/catalogs/${String(catalogId)}/elements`,
                catalogElementsPageSchema,
                {
                  params: { limit: 250, filter: { id: ids } },
                  signal,
                },
              )
            )?._embedded.elements ?? []),
      staleTime: REFERENCE_STALE,
    }),
};

export const contactQueries = {
  all: ['contacts'] as const,
  search: (query: string) =>
    queryOptions({
      queryKey: [...contactQueries.all, 'search', query] as const,
      queryFn: async ({ signal }) =>
        (
          await apiClient.get('/api/v4/contacts', contactsPageSchema, {
            params: { limit: 20, query },
            signal,
          })
        )?._embedded.contacts ?? [],
    }),
  byIds: (ids: number[]) =>
    queryOptions({
      queryKey: [...contactQueries.all, 'ids', ids] as const,
      queryFn: async ({ signal }) =>
        ids.length === 0
          ? []
          : ((
              await apiClient.get('/api/v4/contacts', contactsPageSchema, {
                params: { limit: 250, filter: { id: ids } },
                signal,
              })
            )?._embedded.contacts ?? []),
    }),
  detail: (id: number) =>
    queryOptions({
      queryKey: [...contactQueries.all, 'detail', id] as const,
      queryFn: ({ signal }) =>
        apiClient.get(`/api/v4/contacts/${String(id)}`, contactSchema, { signal }),
    }),
  company: (id: number) =>
    queryOptions({
      queryKey: ['companies', 'detail', id] as const,
      queryFn: ({ signal }) =>
        apiClient.get(`/api/v4/companies/${String(id)}`, companySchema, { signal }),
    }),
};
