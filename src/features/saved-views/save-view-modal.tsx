import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Checkbox, Group, Modal, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useLocation } from '@tanstack/react-router';
import { useForm } from 'react-hook-form';
import { useCreateSavedView } from '../../api/saved-views';
import { savedViewCreateSchema } from '../../contracts/saved-view';
import { z } from '../../contracts/zod';
import { applyServerErrors } from '../../lib/form-errors';

const saveViewFormSchema = z.object({
  name: savedViewCreateSchema.shape.name,
  shared: z.boolean(),
});
type SaveViewFormValues = z.infer<typeof saveViewFormSchema>;

interface SaveViewModalProps {
  isAdmin: boolean;
  onClose: () => void;
}

/** Saves the address being shown (path and search) under a name. */
export default function SaveViewModal({ isAdmin, onClose }: SaveViewModalProps) {
  const location = useLocation();
  const url = `${location.pathname}${location.searchStr}`;
  const create = useCreateSavedView();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SaveViewFormValues>({
    resolver: zodResolver(saveViewFormSchema),
    defaultValues: { name: '', shared: false },
  });

  return (
    <Modal opened onClose={onClose} title="Save view" closeButtonProps={{ 'aria-label': 'Close' }}>
      <form
        noValidate
        aria-label="Save view"
        onSubmit={(event) => {
          void handleSubmit(async ({ name, shared }) => {
            try {
              const view = await create.mutateAsync({ name, url, shared });
              notifications.show({ message: `View “${view.name}” saved` });
              onClose();
            } catch (error) {
              if (!applyServerErrors(error, setError, ['name'])) {
                setError('root.server', {
                  message: error instanceof Error ? error.message : 'Something went wrong',
                });
              }
            }
          })(event);
        }}
      >
        <Stack gap="sm">
          <TextInput
            label="Name"
            description="The view keeps this address: the search, filters and sort shown now."
            required
            data-autofocus
            error={errors.name?.message}
            {...register('name')}
          />
          {isAdmin && <Checkbox label="Share with everyone" {...register('shared')} />}
          {errors.root?.server && (
            <Alert color="red" variant="light" role="alert" title="The view was not saved">
              {errors.root.server.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={isSubmitting}>
              Save view
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
