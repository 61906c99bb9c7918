import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import type { ImportProgress } from './import-runner';

/** Rows sent of the total, the rate so far and the time left at that rate. */
export function ImportProgressView({
  progress,
  now,
  cancelling,
  onCancel,
}: {
  progress: ImportProgress;
  now: number;
  cancelling: boolean;
  onCancel: () => void;
}) {
  const { sent, total, startedAt } = progress;
  const seconds = Math.max((now - startedAt) / 1000, 0.001);
  const rate = sent / seconds;
  const left = rate > 0 ? Math.ceil((total - sent) / rate) : null;
  const percent = total === 0 ? 100 : Math.round((sent / total) * 100);
  const number = new Intl.NumberFormat();

  return (
    <Stack gap="xs">
      <Progress value={percent} size="lg" animated aria-label="Import progress" />
      <Group justify="space-between">
        <Text size="sm" aria-live="polite">
          {number.format(sent)} of {number.format(total)} rows sent ·{' '}
          {number.format(Math.round(rate))} rows/s
          {left !== null && sent > 0 ? ` · about ${String(left)} s left` : ''}
        </Text>
        <Button variant="default" color="red" onClick={onCancel} disabled={cancelling}>
          {cancelling ? 'Stopping after this batch…' : 'Cancel'}
        </Button>
      </Group>
    </Stack>
  );
}
