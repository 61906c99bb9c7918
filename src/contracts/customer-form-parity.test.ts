// The console's create form and the server must accept and refuse the same customers. Each case is
// a row as the form holds it; it goes through the form's schema (what the console lets through)
// and, converted to the API item, through the server: the contract + mode rule it uses, and the
// real route (`POST /api/v4/customers` on a fresh test database). All three must agree, except
// that the form also requires a name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createTestApp, type TestApp } from '../../server/test/test-app';
import {
  checkFieldValues,
  type FieldDefinition,
} from '../../server/services/customer-field-values';
import {
  customersFormSchemaFor,
  customKey,
  editableFields,
  emptyRow,
  toCustomerPayload,
  type CustomerRowValues,
  type FormContext,
} from '../features/customers/model/customer-form.schema';
import { customFieldsPageSchema } from './custom-field';
import {
  customerCreateSchema,
  customerCreateSchemaFor,
  missingForMode,
  type CustomersMode,
} from './customer';
import { tagsPageSchema } from './tag';
import { segmentsPageSchema } from './segment';

let t: TestApp;
let context: FormContext;
let definitions: Map<number, FieldDefinition>;
let segmentId: number;

const fieldId = (type: string) => {
  const field = context.fields.find((f) => f.type === type);
  if (!field) throw new Error(`the demo seed has no ${type} field`);
  return field;
};

const setMode = async (mode: CustomersMode) => {
  const response = await t.as(ADMIN, {
    method: 'PATCH',
    url: '/api/v4/customers/mode',
    payload: { mode, is_enabled: true },
  });
  expect(response.statusCode).toBe(200);
};

beforeAll(async () => {
  t = await createTestApp();
  const fields = customFieldsPageSchema.parse(
    (await t.as(ADMIN, { method: 'GET', url: '/api/v4/customers/custom_fields?limit=250' })).json(),
  )._embedded.custom_fields;
  const tags = tagsPageSchema.parse(
    (await t.as(ADMIN, { method: 'GET', url: '/api/v4/customers/tags?limit=250' })).json(),
  )._embedded.tags;
  const segments = segmentsPageSchema.parse(
    (await t.as(ADMIN, { method: 'GET', url: '/api/v4/customers/segments?limit=250' })).json(),
  )._embedded.segments;
  context = { fields: editableFields(fields), tags };
  definitions = new Map(fields.map((f) => [f.id, f]));
  segmentId = segments[0]?.id ?? 0;
});
afterAll(async () => {
  await setMode('segments');
  await t.close();
});

interface Case {
  name: string;
  modes: CustomersMode[];
  valid: boolean;
  row: (row: CustomerRowValues) => void;
}

const full = (row: CustomerRowValues) => {
  row.name = 'Parity customer';
  row.next_date = '2031-05-01';
  row.periodicity = '30';
};

const CASES: Case[] = [
  { name: 'an empty row', modes: ['segments'], valid: true, row: () => undefined },
  { name: 'an empty row', modes: ['periodicity'], valid: false, row: () => undefined },
  { name: 'name only', modes: ['segments'], valid: true, row: (r) => (r.name = 'Only a name') },
  { name: 'name only', modes: ['periodicity'], valid: false, row: (r) => (r.name = 'Only a name') },
  {
    name: 'name, date and periodicity',
    modes: ['segments', 'periodicity'],
    valid: true,
    row: full,
  },
  {
    name: 'periodicity 0 (= not set)',
    modes: ['periodicity'],
    valid: false,
    row: (r) => {
      full(r);
      r.periodicity = '0';
    },
  },
  {
    name: 'periodicity over 3650',
    modes: ['segments', 'periodicity'],
    valid: false,
    row: (r) => {
      full(r);
      r.periodicity = '4000';
    },
  },
  {
    name: 'a blank name',
    modes: ['periodicity'],
    valid: false,
    row: (r) => {
      full(r);
      r.name = '   ';
    },
  },
  {
    name: 'a 256-character name',
    modes: ['segments', 'periodicity'],
    valid: false,
    row: (r) => {
      full(r);
      r.name = 'x'.repeat(256);
    },
  },
  {
    name: 'a 255-character name',
    modes: ['segments', 'periodicity'],
    valid: true,
    row: (r) => {
      full(r);
      r.name = 'y'.repeat(255);
    },
  },
  {
    name: 'a negative next price',
    modes: ['segments'],
    valid: false,
    row: (r) => (r.next_price = '-5'),
  },
  {
    name: 'a non-numeric next price',
    modes: ['segments', 'periodicity'],
    valid: false,
    row: (r) => {
      full(r);
      r.next_price = 'abc';
    },
  },
  {
    name: 'a decimal next price',
    modes: ['segments'],
    valid: false,
    row: (r) => (r.next_price = '10.5'),
  },
  {
    name: 'a next price of 2e9',
    modes: ['segments'],
    valid: true,
    row: (r) => (r.next_price = '2000000000'),
  },
  {
    name: 'a 20-digit next price (pasted)',
    modes: ['segments'],
    valid: false,
    row: (r) => (r.next_price = '99999999999999999999'),
  },
  {
    name: 'a next price typed with group spaces',
    modes: ['segments'],
    valid: true,
    row: (r) => {
      r.name = 'Grouped';
      r.next_price = '11 950';
    },
  },
  {
    name: 'a periodicity of 99999999999',
    modes: ['segments', 'periodicity'],
    valid: false,
    row: (r) => {
      full(r);
      r.periodicity = '99999999999';
    },
  },
  {
    name: 'a next price above 2e9',
    modes: ['segments'],
    valid: false,
    row: (r) => (r.next_price = '2000000001'),
  },
  {
    name: 'a junk date',
    modes: ['segments', 'periodicity'],
    valid: false,
    row: (r) => {
      full(r);
      r.next_date = 'not a date';
    },
  },
  {
    name: 'an impossible date',
    modes: ['segments'],
    valid: false,
    row: (r) => (r.next_date = '2024-13-45'),
  },
  {
    name: 'new and existing tags',
    modes: ['segments'],
    valid: true,
    row: (r) => {
      r.name = 'Tagged';
      r.tags = [context.tags[0]?.name ?? 'x', `parity-new-${Date.now().toString(36)}`];
    },
  },
  {
    name: 'a segment',
    modes: ['segments'],
    valid: true,
    row: (r) => {
      r.name = 'Segmented';
      r.segments = [String(segmentId)];
    },
  },
  {
    name: 'a numeric field with a number',
    modes: ['segments'],
    valid: true,
    row: (r) => {
      r.custom[customKey(fieldId('numeric').id)] = '1200.50';
    },
  },
  {
    name: 'a numeric field with words',
    modes: ['segments'],
    valid: false,
    row: (r) => {
      r.custom[customKey(fieldId('numeric').id)] = 'a lot';
    },
  },
  {
    name: 'a url field with a web address',
    modes: ['segments'],
    valid: true,
    row: (r) => {
      r.custom[customKey(fieldId('url').id)] = 'https://example.com';
    },
  },
  {
    name: 'a url field without a scheme',
    modes: ['segments'],
    valid: false,
    row: (r) => {
      r.custom[customKey(fieldId('url').id)] = 'example.com';
    },
  },
  {
    name: 'a select field',
    modes: ['segments'],
    valid: true,
    row: (r) => {
      const f = fieldId('select');
      r.custom[customKey(f.id)] = String(f.enums?.[0]?.id);
    },
  },
  {
    name: 'a multiselect field',
    modes: ['segments'],
    valid: true,
    row: (r) => {
      const f = fieldId('multiselect');
      r.custom[customKey(f.id)] = (f.enums ?? []).slice(0, 2).map((e) => String(e.id));
    },
  },
  {
    name: 'a date and a checkbox field',
    modes: ['segments'],
    valid: true,
    row: (r) => {
      r.custom[customKey(fieldId('date').id)] = '2030-01-02';
      r.custom[customKey(fieldId('checkbox').id)] = true;
    },
  },
];

describe.each(['segments', 'periodicity'] as const)('in %s mode', (mode) => {
  beforeAll(async () => {
    await setMode(mode);
  });

  const cases = CASES.filter((c) => c.modes.includes(mode));
  it.each(cases)('$name: form, contract and server agree (valid: $valid)', async (testCase) => {
    const row = emptyRow(null);
    testCase.row(row);

    const form = customersFormSchemaFor(mode, context).safeParse({ rows: [row] });
    const payload = toCustomerPayload(row, context);
    const parsed = customerCreateSchema.safeParse(payload);
    const contract =
      parsed.success &&
      missingForMode(parsed.data, mode).length === 0 &&
      checkFieldValues(parsed.data.custom_fields_values, definitions).errors.length === 0;
    const withMode = customerCreateSchemaFor(mode).safeParse(payload).success;
    const response = await t.as(ADMIN, {
      method: 'POST',
      url: '/api/v4/customers',
      payload: [payload],
    });

    // The one rule of the console's own: a person creating a customer names it (the API, like
    // amoCRM, takes a nameless one).
    const named = row.name.trim() !== '';
    expect({ form: form.success, contract, server: response.statusCode === 200 }).toEqual({
      form: testCase.valid && named,
      contract: testCase.valid,
      server: testCase.valid,
    });
    if (!testCase.valid) expect(response.statusCode).toBe(400);
    // customerCreateSchemaFor is the contract plus the mode rule; it can only be stricter on fields.
    if (testCase.valid) expect(withMode).toBe(true);
  });
});
