/** One item of a batch write, with the `request_id` it is reported under and its position. */
export type BatchItem<T> = { value: T; requestId: string; index: number };

/**
 * Pairs each parsed item with its `request_id`: the client's own (the contract turns it into a
 * string), or the item's index, as amoCRM does.
 */
export function batchItems<T extends { request_id?: string }>(values: T[]): Array<BatchItem<T>> {
  return values.map((value, index) => ({
    value,
    requestId: value.request_id ?? String(index),
    index,
  }));
}
