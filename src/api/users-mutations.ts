import { useMutation, useQueryClient } from '@tanstack/react-query';
import { userSchema, type UserRightsUpdate } from '../contracts/user';
import { apiClient, requireBody } from '../lib/api-client';
import { authQueries } from './auth-queries';
import { customerQueries } from './customers';
import { referenceQueries } from './reference';

/**
 * `PATCH /api/v4/users/{id}` with `{rights: {customers?, is_admin?}}`: our extension (amoCRM has
 * no users write API), administrators only.
 */
export async function updateUserRights(id: number, patch: UserRightsUpdate) {
  const body = await apiClient.patch(`/api/v4/users/${String(id)}`, patch, userSchema);
  return requireBody(body, 'Updating the user');
}

export function useUpdateUserRights() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: UserRightsUpdate }) =>
      updateUserRights(id, patch),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: referenceQueries.users().queryKey }),
        // What the grid shows depends on the viewer's rights.
        queryClient.invalidateQueries({ queryKey: customerQueries.all }),
        // An administrator may have changed their own rights: the shell and the pages read them.
        queryClient.invalidateQueries({ queryKey: authQueries.me().queryKey }),
      ]),
  });
}
