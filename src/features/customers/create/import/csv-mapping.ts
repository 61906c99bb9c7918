import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import type { CustomField } from '../../../../contracts/custom-field';
import type { CustomerCreate, CustomersMode } from '../../../../contracts/customer';
import {
  customKey,
  toCustomerPayload,
  validateRow,
  type CustomValue,
  type CustomerRowValues,
  type FormContext,
} from '../../model/customer-form.schema';

dayjs.extend(customParseFormat);

/** What a CSV column can be mapped to: a customer attribute or a custom field (`f<id>`). */
export interface ImportTarget {
  value: string;
  label: string;
  /** Other header spellings that match it automatically (normalised). */
  aliases: string[];
}

export type Mapping = Array<string | null>;

export const IGNORE = null;

type FieldDef = Pick<CustomField, 'id' | 'name' | 'type' | 'enums'>;

export function importTargets(mode: CustomersMode, fields: readonly FieldDef[]): ImportTarget[] {
  const base: ImportTarget[] = [
    { value: 'name', label: 'Name', aliases: ['customer', 'customername', 'title'] },
    { value: 'next_price', label: 'Next price', aliases: ['nextprice', 'price', 'amount'] },
    {
      value: 'next_date',
      label: 'Next purchase date',
      aliases: ['nextdate', 'nextpurchase', 'date'],
    },
    {
      value: 'periodicity',
      label: 'Periodicity (days)',
      aliases: ['periodicity', 'period', 'days'],
    },
    {
      value: 'responsible_user',
      label: 'Responsible user (id, name or email)',
      aliases: ['responsible', 'responsibleuser', 'responsibleuserid', 'owner', 'manager'],
    },
    { value: 'tags', label: 'Tags (comma-separated)', aliases: ['tag', 'tags'] },
  ];
  if (mode === 'segments') {
    base.push({
      value: 'segments',
      label: 'Segments (comma-separated)',
      aliases: ['segment', 'segments'],
    });
  }
  for (const field of fields) {
    base.push({ value: customKey(field.id), label: field.name, aliases: [] });
  }
  return base;
}

const normalise = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** Each header matched to the target with the same label, key or alias; each target used once. */
export function autoMatch(headers: readonly string[], targets: readonly ImportTarget[]): Mapping {
  const used = new Set<string>();
  return headers.map((header) => {
    const key = normalise(header);
    const target = targets.find(
      (t) =>
        !used.has(t.value) &&
        (normalise(t.label) === key || normalise(t.value) === key || t.aliases.includes(key)),
    );
    if (!target) return IGNORE;
    used.add(target.value);
    return target.value;
  });
}

export interface Lookups {
  users: ReadonlyArray<{ id: number; name: string; email: string }>;
  segments: ReadonlyArray<{ id: number; name: string }>;
}

const DATE_FORMATS = [
  'YYYY-MM-DD',
  'DD.MM.YYYY',
  'DD/MM/YYYY',
  'YYYY/MM/DD',
  'YYYY-MM-DDTHH:mm:ss',
  'YYYY-MM-DD HH:mm',
];

/** A CSV date → `YYYY-MM-DD`, or the text unchanged (the row check then says it is not a date). */
function readDate(text: string): string {
  if (/^\d{9,11}$/.test(text)) return dayjs.unix(Number(text)).format('YYYY-MM-DD');
  const date = dayjs(text, DATE_FORMATS, true);
  return date.isValid() ? date.format('YYYY-MM-DD') : text;
}

const list = (text: string) =>
  text
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');

export interface CellIssue {
  field: string;
  message: string;
}

function customCell(field: FieldDef, text: string, issues: CellIssue[]): CustomValue {
  const enums = field.enums ?? [];
  const enumId = (label: string) => {
    const found = enums.find(
      (e) => e.value.toLowerCase() === label.toLowerCase() || String(e.id) === label,
    );
    if (!found) issues.push({ field: field.name, message: `"${label}" is not one of its choices` });
    return found ? String(found.id) : null;
  };
  switch (field.type) {
    case 'select':
      return enumId(text);
    case 'multiselect':
      return list(text).flatMap((label) => enumId(label) ?? []);
    case 'checkbox':
      return /^(1|true|yes|y|да|x)$/i.test(text);
    case 'date':
      return readDate(text);
    default:
      return text;
  }
}

/** One CSV record → the same values the form holds, plus complaints only the CSV can have. */
export function recordToRow(
  cells: readonly string[],
  mapping: Mapping,
  rowNumber: number,
  fields: readonly FieldDef[],
  lookups: Lookups,
): { row: CustomerRowValues; issues: CellIssue[] } {
  const row: CustomerRowValues = {
    key: String(rowNumber),
    name: '',
    next_price: '',
    next_date: null,
    responsible_user_id: null,
    periodicity: '',
    tags: [],
    segments: [],
    custom: {},
  };
  const issues: CellIssue[] = [];
  mapping.forEach((target, column) => {
    const text = (cells[column] ?? '').trim();
    if (target === null || text === '') return;
    switch (target) {
      case 'name':
        row.name = text;
        return;
      case 'next_price':
      case 'periodicity':
        row[target] = text.replace(/\s/g, '');
        return;
      case 'next_date':
        row.next_date = readDate(text);
        return;
      case 'responsible_user': {
        const needle = text.toLowerCase();
        const user = lookups.users.find(
          (u) =>
            String(u.id) === text ||
            u.email.toLowerCase() === needle ||
            u.name.toLowerCase() === needle,
        );
        if (user) row.responsible_user_id = String(user.id);
        else issues.push({ field: 'responsible_user_id', message: `No user "${text}"` });
        return;
      }
      case 'tags':
        row.tags = list(text);
        return;
      case 'segments':
        row.segments = list(text).flatMap((label) => {
          const segment = lookups.segments.find(
            (s) => String(s.id) === label || s.name.toLowerCase() === label.toLowerCase(),
          );
          if (!segment) issues.push({ field: 'segments', message: `No segment "${label}"` });
          return segment ? [String(segment.id)] : [];
        });
        return;
      default: {
        const field = fields.find((f) => customKey(f.id) === target);
        if (field) row.custom[target] = customCell(field, text, issues);
      }
    }
  });
  return { row, issues };
}

export interface CheckedRecord {
  /** 1-based data row number (the header is not counted); the batch's request_id. */
  rowNumber: number;
  cells: readonly string[];
  payload: CustomerCreate;
  issues: string[];
}

/** Every record through the same checks as the form: the contract with the mode rule. */
export function checkRecords(
  records: ReadonlyArray<readonly string[]>,
  mapping: Mapping,
  mode: CustomersMode,
  context: FormContext,
  lookups: Lookups,
): CheckedRecord[] {
  const labels = new Map(importTargets(mode, context.fields).map((t) => [t.value, t.label]));
  labels.set('responsible_user_id', 'Responsible user');
  return records.map((cells, index) => {
    const rowNumber = index + 1;
    const { row, issues } = recordToRow(cells, mapping, rowNumber, context.fields, lookups);
    const rowIssues = validateRow(row, mode, context).map((issue) => {
      const field = issue.field ?? 'Row';
      return `${labels.get(field.replace(/^custom\./, '')) ?? field}: ${issue.message}`;
    });
    return {
      rowNumber,
      cells,
      payload: toCustomerPayload(row, context),
      issues: [
        ...issues.map((issue) => `${labels.get(issue.field) ?? issue.field}: ${issue.message}`),
        ...rowIssues,
      ],
    };
  });
}
