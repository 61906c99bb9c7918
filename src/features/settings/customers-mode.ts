import type { z } from '../../contracts/zod';
import type { Account } from '../../contracts/account';
import { customersModeSchema, type CustomersMode } from '../../contracts/customer';

/** The panel's form: the PATCH body itself. */
export const customersModeFormSchema = customersModeSchema;
export type CustomersModeForm = z.infer<typeof customersModeFormSchema>;

export const MODE_LABELS: Record<CustomersMode, string> = {
  segments: 'Segments',
  periodicity: 'Periodicity',
};

/** One sentence per mode on what it means for the grid and the forms. */
export const MODE_DESCRIPTIONS: Record<CustomersMode, string> = {
  segments:
    'Dynamic segmentation: customers are grouped into segments you define, the grid shows a Segments column, and adding a customer needs only a name.',
  periodicity:
    'Recurring purchases: the grid shows Periodicity and Status, and adding a customer requires a name, Next purchase date and Periodicity.',
};

const CONSEQUENCES: Record<CustomersMode, string> = {
  segments:
    'Segments mode shows Segments in the grid instead of Periodicity and Status, and Next purchase date and Periodicity become optional when adding customers.',
  periodicity:
    'Periodicity mode makes Next purchase date and Periodicity required when adding customers, and the grid shows Periodicity and Status instead of Segments.',
};

/** The form values that match what the server reports (`dynamic` is amoCRM's old name for segments). */
export function formValuesFor(mode: Account['customers_mode']): CustomersModeForm {
  switch (mode) {
    case 'periodicity':
      return { is_enabled: true, mode: 'periodicity' };
    case 'segments':
    case 'dynamic':
      return { is_enabled: true, mode: 'segments' };
    default:
      return { is_enabled: false, mode: 'segments' };
  }
}

/** While customers are off the chosen mode changes nothing, so it is not a change either. */
export function hasModeChanged(
  current: Account['customers_mode'],
  next: CustomersModeForm,
): boolean {
  const saved = formValuesFor(current);
  if (saved.is_enabled !== next.is_enabled) return true;
  return next.is_enabled && saved.mode !== next.mode;
}

/** What the confirmation dialog tells the admin will change for every user. */
export function describeModeChange(
  current: Account['customers_mode'],
  next: CustomersModeForm,
): string {
  if (!next.is_enabled) return 'The customers section will be turned off for everyone.';
  const consequence = CONSEQUENCES[next.mode];
  if (!formValuesFor(current).is_enabled) {
    return `The customers section will be turned on for everyone in ${MODE_LABELS[next.mode].toLowerCase()} mode. ${consequence}`;
  }
  return consequence;
}
