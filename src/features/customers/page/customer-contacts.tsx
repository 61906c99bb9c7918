import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Loader,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { contactQueries } from '../../../api/reference';
import { useUnlinkContact } from '../../../api/links';
import type { Customer } from '../../../contracts/customer';
import type { Contact } from '../../../contracts/contact';
import { describeError } from '../../../components/error-state';
import { fieldValueByCode } from './contact-fields';
import { ConfirmDialog } from './confirm-dialog';
import { LinkContact } from './link-contact';
import classes from './customer-page.module.css';
import { contactDisplayName } from '../../../lib/display-name';

interface CustomerContactsProps {
  customer: Customer;
  canEdit: boolean;
}

function ContactItem({
  contact,
  isMain,
  onUnlink,
}: {
  contact: Contact;
  isMain: boolean;
  onUnlink?: () => void;
}) {
  const phones = fieldValueByCode(contact.custom_fields_values, 'PHONE');
  const emails = fieldValueByCode(contact.custom_fields_values, 'EMAIL');
  return (
    <Paper withBorder p="sm" component="li" aria-label={contact.name}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2} miw={0}>
          <Group gap="xs">
            <Text fw={600} className={classes.wrap}>
              {contactDisplayName(contact)}
            </Text>
            {isMain && (
              <Badge size="sm" variant="light">
                Main contact
              </Badge>
            )}
          </Group>
          {phones.map((phone) => (
            <Text size="sm" key={`p-${phone}`}>
              Phone: <Anchor href={`tel:${phone}`}>{phone}</Anchor>
            </Text>
          ))}
          {emails.map((email) => (
            <Text size="sm" key={`e-${email}`} className={classes.wrap}>
              Email: <Anchor href={`mailto:${email}`}>{email}</Anchor>
            </Text>
          ))}
          {phones.length === 0 && emails.length === 0 && (
            <Text size="sm" c="dimmed">
              No phone or email
            </Text>
          )}
        </Stack>
        {onUnlink && (
          <Button
            variant="subtle"
            color="red"
            size="xs"
            onClick={onUnlink}
            aria-label={`Unlink ${contact.name}`}
          >
            Unlink
          </Button>
        )}
      </Group>
    </Paper>
  );
}

export function CustomerContacts({ customer, canEdit }: CustomerContactsProps) {
  const refs = customer._embedded.contacts ?? [];
  const ids = refs.map((ref) => ref.id);
  const contacts = useQuery(contactQueries.byIds(ids));
  const unlink = useUnlinkContact(customer.id);

  const [toUnlink, setToUnlink] = useState<Contact | null>(null);

  const unlinkConfirmed = () => {
    if (!toUnlink) return;
    const contact = toUnlink;
    setToUnlink(null);
    unlink.mutate(contact.id, {
      onSuccess: () => notifications.show({ message: `${contact.name} unlinked` }),
      onError: (error) =>
        notifications.show({
          color: 'red',
          title: 'The contact was not unlinked',
          message: describeError(error).detail || describeError(error).title,
        }),
    });
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="customer-contacts">
      <Title order={2} size="h3" id="customer-contacts">
        Contacts
      </Title>
      {refs.length === 0 ? (
        <Text c="dimmed" size="sm">
          No contacts linked.
        </Text>
      ) : contacts.isPending ? (
        <Group gap="xs" role="status">
          <Loader size="xs" />
          <Text size="sm">Loading contacts…</Text>
        </Group>
      ) : contacts.isError ? (
        <Alert color="red" title="Contacts could not be loaded" role="alert">
          <Group gap="sm">
            <Text size="sm">{describeError(contacts.error).detail}</Text>
            <Button size="xs" variant="default" onClick={() => void contacts.refetch()}>
              Retry
            </Button>
          </Group>
        </Alert>
      ) : (
        <List listStyleType="none" spacing="xs" p={0} m={0} aria-label="Linked contacts">
          {refs.map((ref) => {
            const contact = contacts.data.find((item) => item.id === ref.id);
            if (!contact) return null;
            return (
              <ContactItem
                key={ref.id}
                contact={contact}
                isMain={ref.is_main}
                {...(canEdit ? { onUnlink: () => setToUnlink(contact) } : {})}
              />
            );
          })}
        </List>
      )}
      <ConfirmDialog
        opened={toUnlink !== null}
        title="Unlink contact"
        confirmLabel="Unlink"
        onConfirm={unlinkConfirmed}
        onCancel={() => setToUnlink(null)}
      >
        <Text size="sm">
          Unlink <strong>{toUnlink?.name}</strong> from this customer? The contact itself is kept.
        </Text>
      </ConfirmDialog>
      {canEdit && (
        <LinkContact
          customerId={customer.id}
          linkedIds={ids}
          hasMain={refs.some((ref) => ref.is_main)}
        />
      )}
    </Stack>
  );
}
