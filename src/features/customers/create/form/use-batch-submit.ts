import { useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { findCreatedSince } from '../../../../api/customers-lookup';
import { useCreateCustomers } from '../../../../api/customers';
import type { Customer, CustomerCreate } from '../../../../contracts/customer';
import { isApiError } from '../../../../lib/api-error';
import {
  fieldForApiPath,
  toCustomerPayload,
  type CustomersFormValues,
  type FormContext,
} from '../../model/customer-form.schema';
import { createInBatches, isAmbiguousFailure } from './submit-batches';

export interface CreatedRow {
  key: string;
  id: number;
  name: string;
}

/** Margin for the clock of the browser against the server's when looking for a lost batch. */
const CLOCK_MARGIN_SECONDS = 120;

/**
 * The submit of the create form. Guards: one submit at a time (a ref, not state, so a double
 * click in the same tick is caught). Duplicates: the API has no idempotency key, so nothing is
 * retried automatically; after an ambiguous failure (no answer / gateway error) the next Create
 * first asks the server for customers with these names created by this user since the failed
 * attempt, and if it finds any, shows them and waits for "Create anyway".
 */
export function useBatchSubmit({
  form,
  context,
  meId,
  onCreated,
}: {
  form: UseFormReturn<CustomersFormValues>;
  context: FormContext;
  meId: number;
  onCreated: (rows: CreatedRow[], remaining: number) => void;
}) {
  const create = useCreateCustomers();
  const busy = useRef(false);
  const [pending, setPending] = useState(false);
  const [ambiguousSince, setAmbiguousSince] = useState<number | null>(null);
  const [possibleDuplicates, setPossibleDuplicates] = useState<Customer[]>([]);

  const submit = async (values: CustomersFormValues, { force = false } = {}) => {
    if (busy.current) return;
    busy.current = true;
    setPending(true);
    try {
      const payloads = values.rows.map((row) => toCustomerPayload(row, context));
      if (ambiguousSince !== null && !force) {
        const found = await findCreatedSince({
          names: values.rows.map((row) => row.name),
          createdBy: meId,
          since: ambiguousSince - CLOCK_MARGIN_SECONDS,
        });
        if (found.length > 0) {
          setPossibleDuplicates(found);
          form.setError('root.server', {
            type: 'duplicates',
            message:
              'The last attempt may have reached the server: the customers below were created by you since then. Open them, or press "Create anyway" to send the form again.',
          });
          return;
        }
      }
      setPossibleDuplicates([]);
      const submittedAt = Math.floor(Date.now() / 1000);
      const outcome = await createInBatches(payloads, (batch) => create.mutateAsync(batch));

      const created: CreatedRow[] = values.rows.flatMap((row) => {
        const id = outcome.created.get(row.key);
        return id === undefined ? [] : [{ key: row.key, id, name: row.name }];
      });
      if (outcome.error === null) {
        setAmbiguousSince(null);
        onCreated(created, 0);
        return;
      }
      if (created.length > 0) onCreated(created, outcome.notSent.length);
      setAmbiguousSince(isAmbiguousFailure(outcome.error) ? submittedAt : null);
      showFailure(form, outcome.error, payloads, created.length > 0);
    } catch (error) {
      // The duplicate check itself failed: keep everything and say so.
      form.setError('root.server', {
        type: 'lookup',
        message: isApiError(error)
          ? `${error.title}: ${error.detail}`
          : 'Something went wrong. Try again.',
      });
    } finally {
      busy.current = false;
      setPending(false);
    }
  };

  return { submit, pending, possibleDuplicates };
}

/** A 400 goes on each row's fields (matched by request_id); anything else on the form. */
function showFailure(
  form: UseFormReturn<CustomersFormValues>,
  error: unknown,
  payloads: CustomerCreate[],
  someCreated: boolean,
) {
  const rows = form.getValues('rows');
  const indexOf = new Map(rows.map((row, index) => [row.key, index]));
  const payloadOf = new Map(payloads.map((item) => [String(item.request_id), item]));
  const prefix = someCreated
    ? 'The rows still in the form were not created. '
    : 'Nothing was created. ';

  if (isApiError(error) && error.status === 400 && error.validationErrors.length > 0) {
    const leftovers: string[] = [];
    for (const item of error.validationErrors) {
      const index = indexOf.get(item.request_id);
      const payload = payloadOf.get(item.request_id);
      for (const issue of item.errors) {
        const field = payload ? fieldForApiPath(issue.path, payload) : null;
        if (index === undefined) leftovers.push(`${issue.path}: ${issue.detail}`);
        else
          form.setError(`rows.${String(index)}.${field ?? 'key'}` as `rows.${number}.key`, {
            type: 'server',
            message: field ? issue.detail : `${issue.path}: ${issue.detail}`,
          });
      }
    }
    form.setError('root.server', {
      type: '400',
      message: `${prefix}The server refused the marked ${rows.length > 1 ? 'rows (a batch is all-or-nothing)' : 'fields'}; fix them and press Create again.${leftovers.length > 0 ? `\n${leftovers.join('\n')}` : ''}`,
    });
    return;
  }
  const detail = isApiError(error)
    ? error.kind === 'network'
      ? 'The server could not be reached.'
      : `${error.title}${error.detail ? `: ${error.detail}` : ''}`
    : 'Something went wrong.';
  const message = isAmbiguousFailure(error)
    ? `${detail} It is not known whether the customers were stored. Your input is kept; pressing Create again first checks for them, so nothing is created twice.`
    : `${prefix}${detail} Your input is kept; press Create to try again.`;
  form.setError('root.server', { type: 'failure', message });
}
