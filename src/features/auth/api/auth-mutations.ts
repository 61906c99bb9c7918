import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authQueries } from '../../../api/auth-queries';
import { login, logout } from '../../../api/auth-requests';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    // 401 here means wrong credentials, shown on the form, not "go to /login".
    meta: { authRedirect: false },
    onSuccess: (me) => {
      // Nothing cached for a previous user may leak into this session.
      queryClient.removeQueries();
      queryClient.setQueryData(authQueries.me().queryKey, me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    meta: { authRedirect: false },
    onSettled: () => {
      queryClient.clear();
    },
  });
}
