/**
 * amoCRM allows a customer (or contact) without a name; the console never shows an empty label:
 * the grid, the page, its browser-tab title and every picker use the same words.
 */
export function customerDisplayName(customer: { id: number; name: string }): string {
  return customer.name.trim() === '' ? `Customer #${String(customer.id)}` : customer.name;
}

export function contactDisplayName(contact: { id: number; name: string }): string {
  return contact.name.trim() === '' ? `Contact #${String(contact.id)}` : contact.name;
}
