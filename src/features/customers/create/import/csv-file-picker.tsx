import { Stack, Text } from '@mantine/core';
import { useId, useState, type DragEvent } from 'react';
import classes from './csv-import.module.css';

/** A labelled file input inside a drop area: pick with the keyboard or drop a file on it. */
export function CsvFilePicker({ onFile, busy }: { onFile: (file: File) => void; busy: boolean }) {
  const id = useId();
  const [active, setActive] = useState(false);
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setActive(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  };

  return (
    <div
      className={classes.dropzone}
      data-active={active || undefined}
      onDragOver={(event) => {
        event.preventDefault();
        setActive(true);
      }}
      onDragLeave={() => setActive(false)}
      onDrop={onDrop}
    >
      <Stack gap="xs" align="center">
        <Text fw={500} component="label" htmlFor={id}>
          CSV file
        </Text>
        <input
          id={id}
          type="file"
          accept=".csv,text/csv"
          disabled={busy}
          aria-describedby={`${id}-hint`}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file) onFile(file);
          }}
        />
        <Text id={`${id}-hint`} size="sm" c="dimmed">
          Drop a file here or choose one. The first line must hold the column names.
        </Text>
      </Stack>
    </div>
  );
}
