import { Kbd, Modal, Table } from '@mantine/core';

const SHORTCUTS: Array<{ keys: string[]; action: string }> = [
  { keys: ['/'], action: 'Focus the search box' },
  { keys: ['J', '↓'], action: 'Next customer' },
  { keys: ['K', '↑'], action: 'Previous customer' },
  { keys: ['Enter'], action: 'Open the focused customer' },
  { keys: ['←', '→'], action: 'On a column edge: narrower, wider (with Shift: in larger steps)' },
  { keys: ['Delete'], action: 'On a column edge: fit the column to its content again' },
  { keys: ['?'], action: 'Show these shortcuts' },
];

export default function CustomersShortcutsDialog({
  opened,
  onClose,
}: {
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts" centered>
      <Table aria-label="Keyboard shortcuts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Keys</Table.Th>
            <Table.Th>Action</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {SHORTCUTS.map((shortcut) => (
            <Table.Tr key={shortcut.action}>
              <Table.Td>
                {shortcut.keys.map((key, index) => (
                  <span key={key}>
                    {index > 0 && ' or '}
                    <Kbd>{key}</Kbd>
                  </span>
                ))}
              </Table.Td>
              <Table.Td>{shortcut.action}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
