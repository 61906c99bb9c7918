import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Modal,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import {
  useDeleteSavedView,
  useReorderSavedViews,
  useSetDefaultSavedView,
  useUpdateSavedView,
} from '../../api/saved-views';
import type { SavedView, SavedViewsList } from '../../contracts/saved-view';
import { viewNameSchema } from '../../contracts/saved-view';
import { describeError } from '../../components/error-state';

interface ManageViewsModalProps {
  list: SavedViewsList;
  isAdmin: boolean;
  onClose: () => void;
}

/** Rename, reorder, share, make default, copy the link of, or delete saved views. */
export default function ManageViewsModal({ list, isAdmin, onClose }: ManageViewsModalProps) {
  const shared = list.views.filter((view) => view.shared);
  const own = list.views.filter((view) => !view.shared);
  return (
    <Modal
      opened
      onClose={onClose}
      title="Saved views"
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <Stack gap="lg">
        <ViewGroup
          title="Shared with everyone"
          views={shared}
          editable={isAdmin}
          isAdmin={isAdmin}
          defaultViewId={list.default_view_id}
        />
        <ViewGroup
          title="Yours"
          views={own}
          editable
          isAdmin={isAdmin}
          defaultViewId={list.default_view_id}
        />
      </Stack>
    </Modal>
  );
}

interface ViewGroupProps {
  title: string;
  views: readonly SavedView[];
  editable: boolean;
  isAdmin: boolean;
  defaultViewId: number | null;
}

function ViewGroup({ title, views, editable, isAdmin, defaultViewId }: ViewGroupProps) {
  const reorder = useReorderSavedViews();
  if (views.length === 0) return null;
  const move = (index: number, by: -1 | 1) => {
    const ids = views.map((view) => view.id);
    ids.splice(index + by, 0, ...ids.splice(index, 1));
    reorder.mutate(ids, {
      onError: (error) => {
        notifyFailure('The views were not reordered', error);
      },
    });
  };
  return (
    <Stack gap="xs" component="section" aria-label={title}>
      <Title order={3} size="h5">
        {title}
      </Title>
      {views.map((view, index) => (
        <ViewRow
          key={view.id}
          view={view}
          editable={editable}
          isAdmin={isAdmin}
          isDefault={view.id === defaultViewId}
          onMoveUp={index > 0 ? () => move(index, -1) : undefined}
          onMoveDown={index < views.length - 1 ? () => move(index, 1) : undefined}
        />
      ))}
    </Stack>
  );
}

interface ViewRowProps {
  view: SavedView;
  editable: boolean;
  isAdmin: boolean;
  isDefault: boolean;
  onMoveUp: (() => void) | undefined;
  onMoveDown: (() => void) | undefined;
}

function ViewRow({ view, editable, isAdmin, isDefault, onMoveUp, onMoveDown }: ViewRowProps) {
  const update = useUpdateSavedView();
  const remove = useDeleteSavedView();
  const setDefault = useSetDefaultSavedView();
  const clipboard = useClipboard();
  const [name, setName] = useState(view.name);
  // A ticked box shows ticked at once, until the server's list (re-read after the change) says.
  const [pendingDefault, setPendingDefault] = useState<boolean | null>(null);
  const [pendingShared, setPendingShared] = useState<boolean | null>(null);
  const parsed = viewNameSchema.safeParse(name);
  const nameError = parsed.success ? undefined : parsed.error.issues[0]?.message;
  const renamed = parsed.success && parsed.data !== view.name;

  return (
    <Stack
      gap={6}
      p="sm"
      bd="1px solid var(--mantine-color-default-border)"
      style={{ borderRadius: 8 }}
    >
      <Group gap="xs" align="flex-end" wrap="nowrap">
        {editable ? (
          <TextInput
            flex={1}
            label="Name"
            value={name}
            error={nameError}
            onChange={(event) => {
              setName(event.currentTarget.value);
            }}
          />
        ) : (
          <Text flex={1} fw={500}>
            {view.name}
          </Text>
        )}
        {editable && (
          <Button
            variant="default"
            disabled={!renamed}
            loading={update.isPending}
            onClick={() => {
              if (!parsed.success) return;
              update.mutate(
                { id: view.id, name: parsed.data },
                { onError: (error) => notifyFailure('The view was not renamed', error) },
              );
            }}
          >
            Rename
          </Button>
        )}
      </Group>
      <Group gap="xs" justify="space-between">
        <Group gap="xs">
          <Checkbox
            label="Open by default"
            checked={pendingDefault ?? isDefault}
            onChange={(event) => {
              const checked = event.currentTarget.checked;
              setPendingDefault(checked);
              setDefault.mutate(checked ? view.id : null, {
                onError: (error) => notifyFailure('The default view was not changed', error),
                onSettled: () => {
                  setPendingDefault(null);
                },
              });
            }}
          />
          {isAdmin && (
            <Checkbox
              label="Shared with everyone"
              checked={pendingShared ?? view.shared}
              onChange={(event) => {
                const checked = event.currentTarget.checked;
                setPendingShared(checked);
                update.mutate(
                  { id: view.id, shared: checked },
                  {
                    onError: (error) => notifyFailure('Sharing was not changed', error),
                    onSettled: () => {
                      setPendingShared(null);
                    },
                  },
                );
              }}
            />
          )}
        </Group>
        <Group gap={4}>
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => {
              clipboard.copy(new URL(view.url, window.location.origin).href);
              notifications.show({ message: `Link to “${view.name}” copied` });
            }}
          >
            Copy link
          </Button>
          {editable && (
            <>
              <ActionIcon
                variant="subtle"
                aria-label={`Move “${view.name}” up`}
                disabled={!onMoveUp}
                onClick={onMoveUp}
              >
                ↑
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                aria-label={`Move “${view.name}” down`}
                disabled={!onMoveDown}
                onClick={onMoveDown}
              >
                ↓
              </ActionIcon>
              <Button
                variant="subtle"
                color="red"
                size="compact-sm"
                onClick={() => {
                  modals.openConfirmModal({
                    title: `Delete “${view.name}”?`,
                    children: (
                      <Text size="sm">
                        {view.shared
                          ? 'Everyone loses this view. Bookmarks of its address keep working.'
                          : 'Bookmarks of its address keep working.'}
                      </Text>
                    ),
                    labels: { confirm: 'Delete view', cancel: 'Cancel' },
                    confirmProps: { color: 'red' },
                    onConfirm: () => {
                      remove.mutate(view.id, {
                        onError: (error) => notifyFailure('The view was not deleted', error),
                      });
                    },
                  });
                }}
              >
                Delete
              </Button>
            </>
          )}
        </Group>
      </Group>
    </Stack>
  );
}

function notifyFailure(title: string, error: unknown) {
  const problem = describeError(error);
  notifications.show({ color: 'red', title, message: problem.detail || problem.title });
}
