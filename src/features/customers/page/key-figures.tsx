import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Customer } from '../../../contracts/customer';
import { formatDate, formatMoney } from '../../../lib/format';
import { isOverdue } from './format';
import classes from './customer-page.module.css';

interface KeyFiguresProps {
  customer: Pick<
    Customer,
    'ltv' | 'purchases_count' | 'average_check' | 'next_price' | 'next_date' | 'periodicity'
  >;
  currency: string;
  periodicityMode: boolean;
  now?: number;
}

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm" className={classes.figure}>
      {/* A dl per figure: the label names the value for screen readers too. */}
      <Stack gap={2} component="dl" m={0}>
        <Text component="dt" size="xs" c="dimmed" tt="uppercase" fw={600}>
          {label}
        </Text>
        <Text component="dd" m={0} size="lg" fw={650} className={classes.wrap}>
          {children}
        </Text>
      </Stack>
    </Paper>
  );
}

export function KeyFigures({ customer, currency, periodicityMode, now }: KeyFiguresProps) {
  const overdue = customer.next_date !== null && isOverdue(customer.next_date, now);
  return (
    <SimpleGrid
      cols={{ base: 2, sm: 3, lg: periodicityMode ? 6 : 5 }}
      spacing="sm"
      aria-label="Key figures"
      component="section"
    >
      <Figure label="LTV">{formatMoney(customer.ltv, currency)}</Figure>
      <Figure label="Purchases">{customer.purchases_count}</Figure>
      <Figure label="Average check">{formatMoney(customer.average_check, currency)}</Figure>
      <Figure label="Next price">{formatMoney(customer.next_price, currency)}</Figure>
      <Figure label="Next purchase">
        {customer.next_date === null ? (
          '—'
        ) : overdue ? (
          <span className={classes.overdue}>{formatDate(customer.next_date)} (overdue)</span>
        ) : (
          formatDate(customer.next_date)
        )}
      </Figure>
      {periodicityMode && (
        <Figure label="Periodicity">
          {customer.periodicity > 0 ? `every ${String(customer.periodicity)} days` : '—'}
        </Figure>
      )}
    </SimpleGrid>
  );
}
