import dayjs from 'dayjs';
import { z } from '../../../contracts/zod';
import { transactionCreateSchema, type TransactionCreate } from '../../../contracts/transaction';

/**
 * The add-transaction form: inputs as typed (NumberInput `number | ''`, DateTimePicker
 * `YYYY-MM-DD HH:mm:ss`), turned into the API item by `toTransactionPayload` and judged by the
 * contract the server uses (`transactionCreateSchema`).
 */
export interface ElementRow {
  key: string;
  catalogId: string | null;
  elementId: string | null;
  quantity: number | string;
}

export interface AddTransactionValues {
  price: number | string;
  completed_at: string | null;
  comment: string;
  next_price: number | string;
  next_date: string | null;
  elements: ElementRow[];
}

export const DATE_TIME_FORMAT = 'YYYY-MM-DD HH:mm:ss';

export function defaultTransactionValues(now = dayjs()): AddTransactionValues {
  return {
    price: '',
    completed_at: now.format(DATE_TIME_FORMAT),
    comment: '',
    next_price: '',
    next_date: null,
    elements: [],
  };
}

const toNumber = (value: number | string): number | string | undefined => {
  if (typeof value === 'number') return value;
  const text = value.trim();
  if (text === '') return undefined;
  const parsed = Number(text);
  return Number.isFinite(parsed) ? parsed : text;
};

const toUnix = (value: string | null): number | string | undefined => {
  if (value === null || value.trim() === '') return undefined;
  const date = dayjs(value);
  return date.isValid() ? date.unix() : value;
};

/** The item as typed; may be invalid (that is the contract's call). */
export function toTransactionDraft(
  values: AddTransactionValues,
  periodicity: boolean,
): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  const price = toNumber(values.price);
  if (price !== undefined) item.price = price;
  const completedAt = toUnix(values.completed_at);
  if (completedAt !== undefined) item.completed_at = completedAt;
  if (values.comment.trim() !== '') item.comment = values.comment;
  if (periodicity) {
    const nextPrice = toNumber(values.next_price);
    if (nextPrice !== undefined) item.next_price = nextPrice;
    const nextDate = values.next_date ? dayjs(values.next_date).startOf('day').unix() : undefined;
    if (nextDate !== undefined) item.next_date = nextDate;
  }
  const elements = values.elements.filter((row) => row.elementId !== null);
  if (elements.length > 0) {
    item._embedded = {
      catalog_elements: elements.map((row) => {
        const quantity = toNumber(row.quantity);
        return {
          id: Number(row.elementId),
          metadata: {
            catalog_id: Number(row.catalogId),
            ...(quantity === undefined ? {} : { quantity }),
          },
        };
      }),
    };
  }
  item.request_id = '0';
  return item;
}

/** The item to send, once the form's resolver has passed the values. */
export function toTransactionPayload(
  values: AddTransactionValues,
  periodicity: boolean,
): TransactionCreate {
  return transactionCreateSchema.parse(toTransactionDraft(values, periodicity));
}

/** An API path (`_embedded.catalog_elements.1.metadata.quantity`) → the form field it belongs to. */
export function fieldForTransactionPath(path: string, values: AddTransactionValues): string | null {
  const parts = path.split('.');
  const [head] = parts;
  if (
    head === 'price' ||
    head === 'completed_at' ||
    head === 'comment' ||
    head === 'next_price' ||
    head === 'next_date'
  ) {
    return head;
  }
  if (head === '_embedded' && parts[1] === 'catalog_elements' && parts[2] !== undefined) {
    // Rows without an element are left out of the payload: count only the sent ones.
    const sent = values.elements
      .map((row, index) => ({ row, index }))
      .filter(({ row }) => row.elementId !== null);
    const index = sent[Number(parts[2])]?.index;
    if (index === undefined) return null;
    return parts.includes('quantity')
      ? `elements.${String(index)}.quantity`
      : `elements.${String(index)}.elementId`;
  }
  return null;
}

function messageFor(field: string, issue: z.core.$ZodIssue): string {
  if (field === 'price' && issue.code === 'invalid_type') return 'Enter the price';
  if (issue.code === 'invalid_type' && (field === 'next_price' || field.endsWith('quantity')))
    return 'Enter a number';
  if (issue.code === 'invalid_type' && (field === 'completed_at' || field === 'next_date'))
    return 'Enter a date';
  return issue.message;
}

const formShape = z.object({
  price: z.union([z.number(), z.string()]),
  completed_at: z.nullable(z.string()),
  comment: z.string(),
  next_price: z.union([z.number(), z.string()]),
  next_date: z.nullable(z.string()),
  elements: z.array(
    z.object({
      key: z.string(),
      catalogId: z.nullable(z.string()),
      elementId: z.nullable(z.string()),
      quantity: z.union([z.number(), z.string()]),
    }),
  ),
});

/** The form schema: the input shapes, then the contract on the converted item, issues on fields. */
export function addTransactionSchemaFor(periodicity: boolean) {
  return formShape.check(
    z.superRefine((values, ctx) => {
      const result = transactionCreateSchema.safeParse(toTransactionDraft(values, periodicity));
      if (result.success) return;
      for (const issue of result.error.issues) {
        const field = fieldForTransactionPath(issue.path.map(String).join('.'), values) ?? 'root';
        ctx.addIssue({ code: 'custom', path: field.split('.'), message: messageFor(field, issue) });
      }
    }),
  );
}
