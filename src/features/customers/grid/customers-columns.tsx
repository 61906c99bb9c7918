import { useRouter } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import type { CSSProperties, ReactNode } from 'react';
import { ROW_FOCUS_ATTRIBUTE } from '../../../components/data-table/data-table';
import type { DataTableFeatures } from '../../../components/data-table/data-table-features';
import type { CustomField } from '../../../contracts/custom-field';
import type { Customer, CustomerOrderField } from '../../../contracts/customer';
import type { Segment } from '../../../contracts/segment';
import type { CustomerStatus } from '../../../contracts/status';
import type { GridMode } from './grid-capabilities';
import { isoFromUnix, readableOn, type GridFormat } from './grid-format';
import { BASE_COLUMN_IDS, customFieldColumnId, type ColumnId } from './search';
import classes from './customers-cells.module.css';
import { customerDisplayName } from '../../../lib/display-name';

/** What the columns need to turn ids into names and numbers into money. */
export interface ColumnContext {
  mode: GridMode;
  format: GridFormat;
  users: ReadonlyMap<number, string>;
  segments: ReadonlyMap<number, Segment>;
  statuses: ReadonlyMap<number, CustomerStatus>;
  customFields: readonly CustomField[];
}

/** One grid column: how it renders, how it sorts, and its plain-text value for the CSV. */
export interface GridColumn {
  id: ColumnId;
  header: string;
  sortField?: CustomerOrderField;
  align?: 'right';
  cell: (customer: Customer) => ReactNode;
  text: (customer: Customer) => string;
  /** The CSV data export: the API's field name and raw value (ids, numbers, ISO 8601 times). */
  dataHeader: string;
  data: (customer: Customer) => string | number | null;
}

/** Unix seconds as ISO 8601 UTC, the one date form every spreadsheet and script reads. */
const isoTime = (seconds: number | null) =>
  seconds === null ? null : new Date(seconds * 1000).toISOString();

/**
 * The name cell: a real link (middle-click, copy address, screen readers' link list) that the
 * router follows on a plain click. Not the shared `Link`: a router Link subscribes to the router
 * state and rebuilds its location on every navigation, and a 250-row page has 250 of them — that
 * cost ~50 ms per page or sort change. The grid preloads the route and the customer on row hover.
 */
function CustomerLink({ customer }: { customer: Customer }) {
  const router = useRouter();
  const customerId = String(customer.id);
  return (
    <a
      href={`/customers/${customerId}`}
      className={classes.nameLink}
      {...{ [ROW_FOCUS_ATTRIBUTE]: '' }}
      onClick={(event) => {
        if (
          event.button !== 0 ||
          event.metaKey ||
          event.ctrlKey ||
          event.shiftKey ||
          event.altKey
        ) {
          return;
        }
        event.preventDefault();
        void router.navigate({ to: '/customers/$customerId', params: { customerId } });
      }}
    >
      {customerDisplayName(customer)}
    </a>
  );
}

function DateCell({ seconds, text }: { seconds: number | null; text: string }) {
  if (seconds === null) return null;
  return <time dateTime={isoFromUnix(seconds)}>{text}</time>;
}

function customFieldText(customer: Customer, fieldId: number): string {
  const field = customer.custom_fields_values?.find((item) => item.field_id === fieldId);
  if (!field) return '';
  return field.values
    .map((item) => (item.value === null || item.value === undefined ? '' : String(item.value)))
    .filter((value) => value !== '')
    .join(', ');
}

function segmentNames(customer: Customer, ctx: ColumnContext): string[] {
  return customer._embedded.segments.map(
    (ref) => ctx.segments.get(ref.id)?.name ?? `Segment #${String(ref.id)}`,
  );
}

function periodicityText(days: number): string {
  if (days <= 0) return '';
  return days === 1 ? 'Every day' : `Every ${String(days)} days`;
}

/**
 * Every column the grid can show, in the default order. Segments in segments mode,
 * Periodicity and Status in periodicity mode; one column per custom field at the end.
 */
export function buildGridColumns(ctx: ColumnContext): GridColumn[] {
  const { format } = ctx;
  const userName = (id: number) => ctx.users.get(id) ?? `User #${String(id)}`;
  const columns: GridColumn[] = [
    {
      id: 'name',
      header: 'Name',
      sortField: 'name',
      cell: (customer) => <CustomerLink customer={customer} />,
      text: (customer) => customerDisplayName(customer),
      dataHeader: 'name',
      data: (customer) => customer.name,
    },
    {
      id: 'next_date',
      header: 'Next purchase',
      sortField: 'next_date',
      cell: (customer) => (
        <DateCell seconds={customer.next_date} text={format.date(customer.next_date)} />
      ),
      text: (customer) => format.date(customer.next_date),
      dataHeader: 'next_date',
      data: (customer) => isoTime(customer.next_date),
    },
    {
      id: 'next_price',
      header: 'Next price',
      sortField: 'next_price',
      align: 'right',
      cell: (customer) => format.money(customer.next_price),
      text: (customer) => format.money(customer.next_price),
      dataHeader: 'next_price',
      data: (customer) => customer.next_price,
    },
    {
      id: 'ltv',
      header: 'LTV',
      sortField: 'ltv',
      align: 'right',
      cell: (customer) => format.money(customer.ltv),
      text: (customer) => format.money(customer.ltv),
      dataHeader: 'ltv',
      data: (customer) => customer.ltv,
    },
    {
      id: 'purchases_count',
      header: 'Purchases',
      align: 'right',
      cell: (customer) => format.number(customer.purchases_count),
      text: (customer) => String(customer.purchases_count),
      dataHeader: 'purchases_count',
      data: (customer) => customer.purchases_count,
    },
    {
      id: 'average_check',
      header: 'Average check',
      align: 'right',
      cell: (customer) => format.money(customer.average_check),
      text: (customer) => format.money(customer.average_check),
      dataHeader: 'average_check',
      data: (customer) => customer.average_check,
    },
    {
      id: 'responsible',
      header: 'Responsible',
      cell: (customer) => userName(customer.responsible_user_id),
      text: (customer) => userName(customer.responsible_user_id),
      dataHeader: 'responsible_user_id',
      data: (customer) => customer.responsible_user_id,
    },
  ];

  if (ctx.mode === 'segments') {
    columns.push({
      id: 'segments',
      header: 'Segments',
      cell: (customer) => (
        <span className={classes.badges}>
          {customer._embedded.segments.map((ref) => {
            const segment = ctx.segments.get(ref.id);
            // Segment colours are data (hex without '#'); the text takes black or white.
            const style = segment
              ? ({
                  '--badge-bg': `#${segment.color}`,
                  '--badge-color': readableOn(segment.color),
                } as CSSProperties)
              : undefined;
            return (
              <span key={ref.id} className={classes.badge} style={style}>
                {segment?.name ?? `Segment #${String(ref.id)}`}
              </span>
            );
          })}
        </span>
      ),
      text: (customer) => segmentNames(customer, ctx).join(', '),
      dataHeader: 'segment_ids',
      data: (customer) => customer._embedded.segments.map((ref) => ref.id).join(';'),
    });
  } else {
    const statusName = (customer: Customer) =>
      customer.status_id === null ? '' : (ctx.statuses.get(customer.status_id)?.name ?? '');
    columns.push(
      {
        id: 'periodicity',
        header: 'Periodicity',
        cell: (customer) => periodicityText(customer.periodicity),
        text: (customer) => periodicityText(customer.periodicity),
        dataHeader: 'periodicity',
        data: (customer) => customer.periodicity,
      },
      {
        id: 'status',
        header: 'Status',
        cell: (customer) => statusName(customer),
        text: (customer) => statusName(customer),
        dataHeader: 'status_id',
        data: (customer) => customer.status_id,
      },
    );
  }

  columns.push(
    {
      id: 'tags',
      header: 'Tags',
      cell: (customer) =>
        customer._embedded.tags.length === 0 ? null : (
          <span className={classes.badges}>
            {customer._embedded.tags.map((tag) => (
              <span key={tag.id} className={`${classes.badge} ${classes.tag}`}>
                {tag.name}
              </span>
            ))}
          </span>
        ),
      text: (customer) => customer._embedded.tags.map((tag) => tag.name).join(', '),
      dataHeader: 'tags',
      data: (customer) => customer._embedded.tags.map((tag) => tag.name).join(';'),
    },
    {
      id: 'created_at',
      header: 'Created',
      sortField: 'created_at',
      cell: (customer) => (
        <DateCell seconds={customer.created_at} text={format.date(customer.created_at)} />
      ),
      text: (customer) => format.dateTime(customer.created_at),
      dataHeader: 'created_at',
      data: (customer) => isoTime(customer.created_at),
    },
    {
      id: 'updated_at',
      header: 'Updated',
      sortField: 'updated_at',
      cell: (customer) => (
        <DateCell seconds={customer.updated_at} text={format.date(customer.updated_at)} />
      ),
      text: (customer) => format.dateTime(customer.updated_at),
      dataHeader: 'updated_at',
      data: (customer) => isoTime(customer.updated_at),
    },
  );

  for (const field of ctx.customFields) {
    columns.push({
      id: customFieldColumnId(field.id),
      header: field.name,
      cell: (customer) => (
        <span className={classes.truncate}>{customFieldText(customer, field.id)}</span>
      ),
      text: (customer) => customFieldText(customer, field.id),
      dataHeader: `cf_${String(field.id)}`,
      data: (customer) => customFieldText(customer, field.id),
    });
  }
  return columns;
}

/**
 * Shown when neither the URL nor the user's preferences say which columns: every built-in one
 * (the grid drops those of the other customers mode).
 */
export const DEFAULT_COLUMNS: readonly ColumnId[] = BASE_COLUMN_IDS;

const helper = createColumnHelper<DataTableFeatures, Customer>();

/** TanStack column definitions; only the fields the API can order by are sortable. */
export function toColumnDefs(
  columns: readonly GridColumn[],
  sortable: readonly CustomerOrderField[],
) {
  // `helper.columns` keeps each column's value type while giving useTable the array type it takes.
  return helper.columns(
    columns.map((column) =>
      // An accessor (not a display column): TanStack only offers sorting on columns with values.
      helper.accessor((customer) => column.text(customer), {
        id: column.id,
        header: column.header,
        cell: (info) => column.cell(info.row.original),
        enableSorting: column.sortField !== undefined && sortable.includes(column.sortField),
        meta: { align: column.align, label: column.header },
      }),
    ),
  );
}
