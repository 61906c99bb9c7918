import { useUpstreamState } from '../../lib/upstream-status';
import classes from './app-shell.module.css';

/**
 * On a live amoCRM account: a line under the header while amoCRM keeps the console waiting
 * (the server queues requests to stay under amoCRM's rate limit) or does not answer at all.
 */
export function UpstreamBanner() {
  const state = useUpstreamState();
  return (
    <div role="status" className={classes.upstreamBanner} data-state={state}>
      {state === 'waiting' &&
        'Waiting for amoCRM… many requests are queued; they will all be answered.'}
      {state === 'down' &&
        'amoCRM is not answering. What you see may be out of date; try again in a moment.'}
    </div>
  );
}
