import { Badge, ColorSwatch, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { referenceQueries } from '../../../api/reference';
import { Link } from '../../../components/link';
import type { Customer } from '../../../contracts/customer';
import classes from './customer-page.module.css';
import { SegmentsEditor } from './segments-editor';

/**
 * Segment badges, each a link to the grid filtered by that segment (`/customers?segment=[id]`,
 * the grid's own URL schema in features/customers/grid/search.ts). The colour is a swatch beside the
 * name so any of the palette's colours keeps the text readable.
 */
export function CustomerSegments({
  customer,
  canEdit = false,
}: {
  customer: Pick<Customer, 'id' | '_embedded'>;
  canEdit?: boolean;
}) {
  const refs = customer._embedded.segments;
  const segments = useQuery({ ...referenceQueries.segments(), enabled: refs.length > 0 });

  return (
    <Stack gap="xs" component="section" aria-labelledby="customer-segments">
      <Title order={2} size="h3" id="customer-segments">
        Segments
      </Title>
      {refs.length === 0 ? (
        <Text size="sm" c="dimmed">
          In no segment.
        </Text>
      ) : segments.isPending ? (
        <Loader size="xs" role="status" aria-label="Loading segments" />
      ) : (
        <Group
          gap={6}
          component="ul"
          m={0}
          p={0}
          className={classes.plainList}
          aria-label="Segments"
        >
          {refs.map((ref) => {
            const segment = segments.data?.find((item) => item.id === ref.id);
            const name = segment?.name ?? `Segment #${String(ref.id)}`;
            const color =
              segment && /^[0-9a-f]{6}$/i.test(segment.color) ? `#${segment.color}` : undefined;
            return (
              <li key={ref.id} className={classes.badge}>
                <Link
                  to="/customers"
                  search={{ segment: [ref.id] }}
                  aria-label={`Segment ${name}: show its customers`}
                  underline="never"
                >
                  <Badge
                    variant="default"
                    size="lg"
                    className={classes.badge}
                    classNames={{ label: classes.badgeLabel }}
                    leftSection={
                      color ? <ColorSwatch color={color} size={10} aria-hidden /> : undefined
                    }
                  >
                    {name}
                  </Badge>
                </Link>
              </li>
            );
          })}
        </Group>
      )}
      {canEdit && <SegmentsEditor key={refs.map((ref) => ref.id).join()} customer={customer} />}
    </Stack>
  );
}
