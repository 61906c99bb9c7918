import { Anchor, Text } from '@mantine/core';
import dayjs from 'dayjs';
import type { CustomFieldValues } from '../../../contracts/common';
import classes from './customer-page.module.css';

type Item = CustomFieldValues['values'][number];

const DATE_TYPES = new Set(['date', 'birthday', 'date_time']);

export function isEmptyFieldValue(values: CustomFieldValues | undefined): boolean {
  return (
    !values ||
    values.values.every(
      (item) => item.value === null || item.value === undefined || item.value === '',
    )
  );
}

function asDate(value: Item['value']): string | null {
  if (value === null || value === undefined || typeof value === 'boolean') return null;
  const parsed =
    typeof value === 'number' || /^\d+$/.test(value) ? dayjs.unix(Number(value)) : dayjs(value);
  return parsed.isValid() ? parsed.format('D MMM YYYY') : String(value);
}

function isTrue(value: Item['value']): boolean {
  return value === true || value === 1 || value === '1' || value === 'true';
}

function safeUrl(value: string): string | null {
  try {
    const url = new URL(value);
    // Only web links become anchors: `javascript:` and friends stay text.
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

const numberFormat = new Intl.NumberFormat();

/** One custom field's value(s), formatted by the field's type. */
export function FieldValue({ type, values }: { type: string; values: CustomFieldValues }) {
  const items = values.values.filter(
    (item) => item.value !== null && item.value !== undefined && item.value !== '',
  );
  if (type === 'checkbox') {
    return <Text size="sm">{items.some((item) => isTrue(item.value)) ? 'Yes' : 'No'}</Text>;
  }
  if (DATE_TYPES.has(type)) {
    return <Text size="sm">{items.map((item) => asDate(item.value)).join(', ')}</Text>;
  }
  if (type === 'url') {
    return (
      <Text size="sm" className={classes.wrap}>
        {items.map((item, index) => {
          const text = String(item.value);
          const href = safeUrl(text);
          return (
            <span key={`${String(index)}-${text}`}>
              {index > 0 && ', '}
              {href ? (
                <Anchor href={href} target="_blank" rel="noopener noreferrer">
                  {text}
                </Anchor>
              ) : (
                text
              )}
            </span>
          );
        })}
      </Text>
    );
  }
  if (type === 'numeric') {
    return (
      <Text size="sm">
        {items
          .map((item) =>
            typeof item.value === 'number' ||
            (typeof item.value === 'string' &&
              item.value.trim() !== '' &&
              !Number.isNaN(Number(item.value)))
              ? numberFormat.format(Number(item.value))
              : String(item.value),
          )
          .join(', ')}
      </Text>
    );
  }
  return (
    <Text size="sm" className={classes.wrap}>
      {items.map((item) => String(item.value)).join(', ')}
    </Text>
  );
}
