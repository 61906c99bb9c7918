import { z } from '../../contracts/zod';
import { SEGMENT_COLORS, segmentWriteSchema } from '../../contracts/segment';

/** The contract's write shape, with the colour narrowed to amoCRM's palette. */
export const segmentFormSchema = z.extend(segmentWriteSchema, {
  color: z.enum(SEGMENT_COLORS, { error: 'Choose a colour' }),
});
export type SegmentFormInput = z.input<typeof segmentFormSchema>;
export type SegmentFormValues = z.output<typeof segmentFormSchema>;

export type SegmentColor = (typeof SEGMENT_COLORS)[number];

export function isSegmentColor(value: string): value is SegmentColor {
  return (SEGMENT_COLORS as readonly string[]).includes(value);
}
