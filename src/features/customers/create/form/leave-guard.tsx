import { Button, Group, Modal, Text } from '@mantine/core';
import { useBlocker } from '@tanstack/react-router';

/**
 * Asks before leaving a form with unsaved input: a modal for in-app navigation, the browser's
 * own prompt for reloads and closing the tab. `shouldBlock` is read at navigation time, so a
 * successful submit can let its own navigation through.
 */
export function LeaveGuard({ shouldBlock }: { shouldBlock: () => boolean }) {
  const blocker = useBlocker({
    shouldBlockFn: shouldBlock,
    enableBeforeUnload: shouldBlock,
    withResolver: true,
  });
  const opened = blocker.status === 'blocked';

  return (
    <Modal opened={opened} onClose={() => blocker.reset?.()} title="Leave this page?" centered>
      <Text mb="lg">What you typed has not been saved. Leave and lose it?</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
          Stay
        </Button>
        <Button color="red" onClick={() => blocker.proceed?.()}>
          Leave
        </Button>
      </Group>
    </Modal>
  );
}
