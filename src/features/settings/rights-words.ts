import type { EntityRights, RightValue } from '../../contracts/user';

export type RightAction = keyof EntityRights;

export const RIGHT_ACTIONS: readonly RightAction[] = ['view', 'edit', 'add', 'delete', 'export'];

const VERBS: Record<RightAction, string> = {
  view: 'sees',
  edit: 'edits',
  add: 'adds',
  delete: 'deletes',
  export: 'exports',
};

const SCOPES: Record<RightValue, string> = {
  A: 'all',
  G: 'group',
  M: 'own',
  D: 'none',
};

export const ACTION_LABELS: Record<RightAction, string> = {
  view: 'View',
  edit: 'Edit',
  add: 'Add',
  delete: 'Delete',
  export: 'Export',
};

/** amoCRM: `add` takes only A or D (there is no "own" customer before it exists). */
export const VALUES_FOR: Record<RightAction, readonly RightValue[]> = {
  view: ['A', 'G', 'M', 'D'],
  edit: ['A', 'G', 'M', 'D'],
  add: ['A', 'D'],
  delete: ['A', 'G', 'M', 'D'],
  export: ['A', 'G', 'M', 'D'],
};

/** "sees all", "edits own", "deletes none". */
export function rightWords(action: RightAction, value: RightValue): string {
  return `${VERBS[action]} ${SCOPES[value]}`;
}

export function rightsSummary(rights: EntityRights): string[] {
  return RIGHT_ACTIONS.map((action) => rightWords(action, rights[action]));
}
