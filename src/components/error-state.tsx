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

/**
 * A piece of the console (a lazily loaded chunk) failed to arrive: the network dropped, or a new
 * version was deployed and the old file is gone. Each browser words it differently.
 */
export function isChunkLoadError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (
    error.name === 'ChunkLoadError' ||
    /dynamically imported module|Importing a module script failed|Unable to preload CSS|Loading chunk/i.test(
      error.message,
    )
  );
}

/** Describes an error for people: problem+json title/detail when we have them. */
export function describeError(error: unknown): { title: string; detail: string } {
  if (isChunkLoadError(error)) {
    return {
      title: 'Part of the console did not load',
      detail:
        'The connection may have dropped, or the console was updated. Reload the page to get the latest version; nothing you saved is lost.',
    };
  }
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
  // Retrying a failed import gives the same failure (the browser caches it): only a reload helps.
  const reload = isChunkLoadError(error);
  return (
    <Alert color="red" variant="light" title={title} role="alert" maw={640}>
      <Stack gap="sm">
        {detail && (
          <Text size="sm" className={classes.detail}>
            {detail}
          </Text>
        )}
        {reload ? (
          <Group>
            <Button size="xs" onClick={() => window.location.reload()}>
              Reload
            </Button>
          </Group>
        ) : (
          onRetry && (
            <Group>
              <Button variant="default" size="xs" onClick={onRetry}>
                Retry
              </Button>
            </Group>
          )
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
