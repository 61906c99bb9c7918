import {
  ActionIcon,
  Button,
  Checkbox,
  Divider,
  Group,
  Paper,
  Radio,
  Stack,
  Text,
} from '@mantine/core';
import type { ColumnId } from './search';
import { DENSITIES, type Density } from './use-grid-preferences';
import type { GridColumn } from './customers-columns';
import classes from './customers-grid.module.css';

export interface CustomersColumnMenuProps {
  id: string;
  /** Every column the account can show, in the default order. */
  columns: readonly GridColumn[];
  /** The shown columns, in screen order. */
  visibleIds: readonly ColumnId[];
  onChange: (ids: ColumnId[]) => void;
  onSaveDefault: () => void;
  density: Density;
  onDensityChange: (density: Density) => void;
  /** Given when some column has a width the user set. */
  onResetWidths?: () => void;
}

function move(ids: readonly ColumnId[], id: ColumnId, delta: -1 | 1): ColumnId[] {
  const next = ids.filter((item) => item !== id);
  const from = ids.indexOf(id);
  const to = from + delta;
  if (from === -1 || to < 0 || to >= ids.length) return [...ids];
  next.splice(to, 0, id);
  return next;
}

/**
 * Show, hide and reorder columns (checkboxes and buttons: all reachable by keyboard). An inline
 * panel loaded on demand rather than a Popover: a Popover would put floating-ui in the grid's
 * initial bundle.
 */
export default function CustomersColumnMenu({
  id,
  columns,
  visibleIds,
  onChange,
  onSaveDefault,
  density,
  onDensityChange,
  onResetWidths,
}: CustomersColumnMenuProps) {
  const byId = new Map(columns.map((column) => [column.id, column]));
  const shown = visibleIds.flatMap((id) => byId.get(id) ?? []);
  const hidden = columns.filter((column) => !visibleIds.includes(column.id));

  return (
    <Paper id={id} withBorder p="sm" radius="md" component="section" aria-label="Columns" maw={420}>
      <Stack gap="xs">
        <Text fw={600} size="sm" id="customers-columns-heading">
          Columns
        </Text>
        <Stack
          gap={4}
          role="group"
          aria-labelledby="customers-columns-heading"
          className={classes.columnList}
        >
          {[...shown, ...hidden].map((column) => {
            const visible = visibleIds.includes(column.id);
            const index = visibleIds.indexOf(column.id);
            return (
              <Group key={column.id} gap={4} wrap="nowrap" justify="space-between">
                <Checkbox
                  label={column.header}
                  checked={visible}
                  // The name is each row's link: it cannot be hidden.
                  disabled={column.id === 'name'}
                  onChange={(event) =>
                    onChange(
                      event.currentTarget.checked
                        ? [...visibleIds, column.id]
                        : visibleIds.filter((id) => id !== column.id),
                    )
                  }
                />
                <Group gap={2} wrap="nowrap">
                  <ActionIcon
                    variant="subtle"
                    size="sm"
                    aria-label={`Move ${column.header} up`}
                    disabled={!visible || index <= 0}
                    onClick={() => onChange(move(visibleIds, column.id, -1))}
                  >
                    ↑
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    size="sm"
                    aria-label={`Move ${column.header} down`}
                    disabled={!visible || index >= visibleIds.length - 1}
                    onClick={() => onChange(move(visibleIds, column.id, 1))}
                  >
                    ↓
                  </ActionIcon>
                </Group>
              </Group>
            );
          })}
        </Stack>
        <Divider />
        <Radio.Group
          label="Density"
          value={density}
          onChange={(value) => {
            const next = DENSITIES.find((item) => item === value);
            if (next) onDensityChange(next);
          }}
        >
          <Group gap="md" mt={4}>
            <Radio value="comfortable" label="Comfortable" />
            <Radio value="compact" label="Compact" />
          </Group>
        </Radio.Group>
        <Button variant="light" size="xs" onClick={onSaveDefault}>
          Use these columns by default
        </Button>
        {onResetWidths && (
          <Button variant="default" size="xs" onClick={onResetWidths}>
            Reset column widths
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
