import { TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';

interface CustomersSearchBoxProps {
  /** The search in the URL. */
  value: string | undefined;
  onSearch: (query: string | undefined) => void;
}

const SEARCH_DELAY_MS = 300;

/** Searches names and custom-field values; the URL follows after a pause in typing. */
export function CustomersSearchBox({ value, onSearch }: CustomersSearchBoxProps) {
  const [text, setText] = useState(value ?? '');
  const [urlValue, setUrlValue] = useState(value);
  // Back/forward or "Clear filters" changed the URL: show what it now says.
  if (value !== urlValue) {
    setUrlValue(value);
    if ((value ?? '') !== text.trim()) setText(value ?? '');
  }

  const send = useDebouncedCallback((next: string) => {
    const trimmed = next.trim();
    onSearch(trimmed === '' ? undefined : trimmed);
  }, SEARCH_DELAY_MS);

  return (
    <TextInput
      label="Search"
      placeholder="Name or field value"
      type="search"
      w={{ base: '100%', sm: 320 }}
      value={text}
      data-grid-search
      onChange={(event) => {
        setText(event.currentTarget.value);
        send(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') send.flush();
      }}
    />
  );
}
