import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from '../../contracts/zod';
import { apiClient } from '../../lib/api-client';
import { resetUpstreamState } from '../../lib/upstream-status';
import { renderWithProviders } from '../../test/render';
import { UpstreamBanner } from './upstream-banner';

const anything = z.unknown();

function answer(status: number, headers: Record<string, string> = {}) {
  vi.stubGlobal(
    'fetch',
    vi.fn(() =>
      Promise.resolve(
        status === 200
          ? Response.json({ ok: true }, { status, headers })
          : new Response(
              JSON.stringify({
                title: 'Bad Gateway',
                type: 'x',
                status,
                detail: 'amoCRM is unreachable',
              }),
              { status, headers: { 'content-type': 'application/problem+json', ...headers } },
            ),
      ),
    ),
  );
}

async function call() {
  await act(async () => {
    await apiClient.get('/api/v4/customers', anything).catch(() => undefined);
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  resetUpstreamState();
});

describe('UpstreamBanner (the console on a live amoCRM account)', () => {
  it('says "Waiting for amoCRM…" while answers report a long queue, and clears after', async () => {
    renderWithProviders(<UpstreamBanner />);
    expect(screen.getByRole('status')).toBeEmptyDOMElement();

    answer(200, { 'x-upstream-queue': '42' });
    await call();
    expect(screen.getByRole('status')).toHaveTextContent(/Waiting for amoCRM…/);

    answer(200);
    await call();
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('says amoCRM is not answering after a 502 or 504, until an answer comes through', async () => {
    renderWithProviders(<UpstreamBanner />);
    for (const status of [502, 504]) {
      answer(status);
      await call();
      expect(screen.getByRole('status')).toHaveTextContent(/amoCRM is not answering/);
      answer(200);
      await call();
      expect(screen.getByRole('status')).toBeEmptyDOMElement();
    }
  });
});
