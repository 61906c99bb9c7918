import { describe, expect, it } from 'vitest';
import type { FormContext } from '../../model/customer-form.schema';
import { autoMatch, checkRecords, importTargets } from './csv-mapping';

const context: FormContext = {
  fields: [
    { id: 3, name: 'Industry', type: 'select', enums: [{ id: 31, value: 'Retail', sort: 1 }] },
    { id: 4, name: 'Annual revenue', type: 'numeric', enums: null },
  ],
  tags: [{ id: 9, name: 'vip' }],
};
const lookups = { users: [{ id: 2, name: 'Sam Sales', email: 'sales@example.com' }], segments: [] };

describe('csv mapping', () => {
  it('matches headers to fields by name, whatever the case and punctuation', () => {
    const targets = importTargets('segments', context.fields);
    expect(
      autoMatch(
        ['NAME', 'next_price', 'Next purchase date', 'Owner', 'industry', 'Unknown'],
        targets,
      ),
    ).toEqual(['name', 'next_price', 'next_date', 'responsible_user', 'f3', null]);
  });

  it('checks each row with the contract and says why a row is refused', () => {
    const mapping = [
      'name',
      'next_price',
      'next_date',
      'periodicity',
      'responsible_user',
      'tags',
      'f3',
    ];
    const records = [
      ['Acme', '1 000', '15.03.2031', '30', 'sales@example.com', 'vip, new', 'retail'],
      ['', 'abc', '2031-02-30', '', 'nobody', '', 'Wholesale'],
    ];
    const [good, bad] = checkRecords(records, mapping, 'periodicity', context, lookups);
    expect(good?.issues).toEqual([]);
    expect(good?.payload).toMatchObject({
      name: 'Acme',
      next_price: 1000,
      periodicity: 30,
      responsible_user_id: 2,
      request_id: '1',
      custom_fields_values: [{ field_id: 3, values: [{ enum_id: 31 }] }],
      _embedded: { tags: [{ id: 9 }, { name: 'new' }] },
    });
    expect(bad?.issues).toEqual(
      expect.arrayContaining([
        'Responsible user: No user "nobody"',
        'Industry: "Wholesale" is not one of its choices',
        'Next price: Enter a whole number',
        'Next purchase date: Enter a date',
        'Name: This field is required in periodicity mode',
        'Periodicity (days): This field is required in periodicity mode',
      ]),
    );
  });
});
