// Loaded with React.lazy: recharts and the charts CSS stay out of every other chunk.
import '@mantine/charts/styles.css';
import { AreaChart } from '@mantine/charts';
import { formatDate, formatDateTime, formatMoney } from '../../../lib/format';
import type { LtvPoint } from './ltv-series';

interface LtvChartProps {
  points: LtvPoint[];
  currency: string;
}

export default function LtvChart({ points, currency }: LtvChartProps) {
  const first = points[0]?.at ?? 0;
  const last = points.at(-1)?.at ?? 0;
  // Purchases within a couple of days apart only make sense with their times.
  const label = last - first < 2 * 86_400 ? formatDateTime : formatDate;
  const data = points.map((point) => ({ date: label(point.at), LTV: point.ltv }));
  return (
    <AreaChart
      h={220}
      data={data}
      dataKey="date"
      series={[{ name: 'LTV', color: 'indigo.6' }]}
      curveType="stepAfter"
      withDots={points.length <= 60}
      valueFormatter={(value) => formatMoney(value, currency)}
      tickLine="x"
    />
  );
}
