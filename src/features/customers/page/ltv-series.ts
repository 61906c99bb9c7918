import type { Transaction } from '../../../contracts/transaction';

export interface LtvPoint {
  /** Unix seconds of the purchase. */
  at: number;
  ltv: number;
}

/**
 * Cumulative LTV by `completed_at`, oldest first. When only the latest transactions are at hand,
 * `currentLtv` anchors the curve so that it ends at the customer's real LTV.
 */
export function buildLtvSeries(
  transactions: ReadonlyArray<Pick<Transaction, 'completed_at' | 'price' | 'id'>>,
  currentLtv?: number,
): LtvPoint[] {
  const sorted = [...transactions].sort((a, b) => a.completed_at - b.completed_at || a.id - b.id);
  const total = sorted.reduce((sum, item) => sum + item.price, 0);
  let running = currentLtv !== undefined && currentLtv > total ? currentLtv - total : 0;
  return sorted.map((item) => {
    running += item.price;
    return { at: item.completed_at, ltv: running };
  });
}
