import { useLocalStorage } from '@mantine/hooks';
import { z } from '../../../contracts/zod';
import { isColumnId, type ColumnId } from './search';

export const DENSITIES = ['comfortable', 'compact'] as const;
export type Density = (typeof DENSITIES)[number];

/**
 * One person's defaults for the grid, kept in this browser. They only fill in what the URL leaves
 * unsaid: a link with `cols=` shows those columns whatever the preferences say.
 */
const preferencesSchema = z.object({
  columns: z.catch(
    z.optional(
      z.pipe(
        z.array(z.string()),
        z.transform((cols) => cols.filter(isColumnId)),
      ),
    ),
    undefined,
  ),
  widths: z.catch(
    z.optional(z.record(z.string(), z.int().check(z.minimum(40), z.maximum(1200)))),
    undefined,
  ),
  density: z.catch(z.optional(z.enum(DENSITIES)), undefined),
});
export type GridPreferences = z.infer<typeof preferencesSchema>;

const NO_PREFERENCES: GridPreferences = {};

function parse(raw: string): GridPreferences {
  try {
    const parsed = preferencesSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : NO_PREFERENCES;
  } catch {
    return NO_PREFERENCES;
  }
}

/**
 * The same stored text gives the same object. Mantine's useLocalStorage reads the value again
 * after mounting and sets it: with a new object each time, the whole grid rendered twice on
 * first paint.
 */
let lastParsed: { raw: string; value: GridPreferences } | null = null;

export function parsePreferences(raw: string | null | undefined): GridPreferences {
  if (!raw) return NO_PREFERENCES;
  if (lastParsed?.raw !== raw) lastParsed = { raw, value: parse(raw) };
  return lastParsed.value;
}

export function preferencesKey(userId: number): string {
  return `customers-console:customers-grid:${String(userId)}`;
}

export function useGridPreferences(userId: number) {
  const [preferences, setPreferences] = useLocalStorage<GridPreferences>({
    key: preferencesKey(userId),
    defaultValue: NO_PREFERENCES,
    // Read synchronously: the first render must already use the saved columns (no flash).
    getInitialValueInEffect: false,
    serialize: (value) => JSON.stringify(value),
    deserialize: parsePreferences,
  });
  return {
    preferences,
    saveColumns: (columns: ColumnId[] | undefined) =>
      setPreferences((current) => ({ ...current, columns })),
    saveDensity: (density: Density) => setPreferences((current) => ({ ...current, density })),
    /** `undefined`: the column fits its content again. */
    saveWidth: (columnId: string, width: number | undefined) =>
      setPreferences((current) => {
        const widths = Object.fromEntries(
          Object.entries(current.widths ?? {}).filter(([id]) => id !== columnId),
        );
        if (width !== undefined) widths[columnId] = width;
        return { ...current, widths: Object.keys(widths).length > 0 ? widths : undefined };
      }),
    resetWidths: () => setPreferences((current) => ({ ...current, widths: undefined })),
  };
}
