import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useQueryErrorResetBoundary } from '@tanstack/react-query';
import { useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { useEffect } from 'react';
import { isApiError } from '../lib/api-error';
import classes from './error-state.module.css';

interface ErrorStateProps {
  error: unknown;
  onRetry?: () => void;
}

/** Describes an error for people: problem+json title/detail when we have them. */
export function describeError(error: unknown): { title: string; detail: string } {
  if (isApiError(error)) {
    return { title: error.title, detail: error.detail };
  }
  if (error instanceof Error) {
    return { title: 'Something went wrong', detail: error.message };
  }
  return { title: 'Something went wrong', detail: '' };
}

export function ErrorState({ error, onRetry }: ErrorStateProps) {
  const { title, detail } = describeError(error);
  return (
    <Alert color="red" variant="light" title={title} role="alert" maw={640}>
      <Stack gap="sm">
        {detail && (
          <Text size="sm" className={classes.detail}>
            {detail}
          </Text>
        )}
        {onRetry && (
          <Group>
            <Button variant="default" size="xs" onClick={onRetry}>
              Retry
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

/** The `errorComponent` of every route: shows the problem and retries the route's loaders. */
export function RouteErrorComponent({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  const queryErrorResetBoundary = useQueryErrorResetBoundary();

  useEffect(() => {
    // Lets useSuspenseQuery refetch instead of rethrowing the cached error on retry.
    queryErrorResetBoundary.reset();
  }, [queryErrorResetBoundary]);

  return (
    <ErrorState
      error={error}
      onRetry={() => {
        reset();
        void router.invalidate();
      }}
    />
  );
}
