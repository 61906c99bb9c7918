import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { makeCustomer } from '../page/test-fixtures';
import { buildGridColumns } from './customers-columns';
import { exportColumns, toCsv } from './export-csv';
import { createGridFormat } from './grid-format';

const columns = buildGridColumns({
  mode: 'segments',
  format: createGridFormat('USD'),
  users: new Map([[1, 'Ada Admin']]),
  segments: new Map(),
  statuses: new Map(),
  customFields: [],
}).filter((column) => ['name', 'next_date', 'ltv', 'responsible'].includes(column.id));

const customers = [
  makeCustomer({ id: 11, name: '=1+2', ltv: 145200, next_date: 1_767_225_600 }),
  makeCustomer({ id: 12, name: '@SUM(A1)', ltv: -5 }),
  makeCustomer({ id: 13, name: 'Plain, with "quotes"', ltv: 0 }),
];

const parse = (csv: string) => Papa.parse<string[]>(csv.trim()).data;

describe('CSV export', () => {
  it('writes data: the id first, API field names, raw numbers and ISO times', async () => {
    const rows = parse(await toCsv(exportColumns(columns, 'data'), customers));
    expect(rows[0]).toEqual(['id', 'name', 'next_date', 'ltv', 'responsible_user_id']);
    expect(rows[1]).toEqual(['11', "'=1+2", '2026-01-01T00:00:00.000Z', '145200', '1']);
    // A negative number is a number, not a formula: it is not escaped.
    expect(rows[2]).toEqual(['12', "'@SUM(A1)", '', '-5', '1']);
    expect(rows[3]?.[1]).toBe('Plain, with "quotes"');
  });

  it('writes what the screen shows when asked, formula cells escaped there too', async () => {
    const rows = parse(await toCsv(exportColumns(columns, 'shown'), customers));
    expect(rows[0]).toEqual(['Name', 'Next purchase', 'LTV', 'Responsible']);
    expect(rows[1]?.[0]).toBe("'=1+2");
    expect(rows[1]?.[2]).toBe('$145,200');
    expect(rows[1]?.[3]).toBe('Ada Admin');
  });
});
