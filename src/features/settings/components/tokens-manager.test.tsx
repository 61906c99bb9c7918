import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiToken } from '../../../contracts/auth';
import { renderWithProviders } from '../../../test/render';
import { TokensManager } from './tokens-manager';

const SECRET = 'amo_secret_value_123';

function mockServer() {
  const tokens: ApiToken[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : input.toString();
      if (url === '/api/auth/tokens' && init?.method === 'POST') {
        const body = JSON.parse(init.body as string) as { name: string };
        const token = {
          id: tokens.length + 1,
          name: body.name,
          user_id: 7,
          created_at: 1_700_000_000,
          last_used_at: null,
        };
        tokens.push(token);
        return Promise.resolve(Response.json({ ...token, access_token: SECRET }));
      }
      if (url === '/api/auth/tokens') return Promise.resolve(Response.json({ tokens }));
      return Promise.resolve(new Response(null, { status: 204 }));
    }),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('TokensManager', () => {
  it('shows a new token once, with copy and a warning, then never again', async () => {
    mockServer();
    renderWithProviders(<TokensManager currentUserId={7} isAdmin={false} />);
    const user = userEvent.setup();

    await user.type(await screen.findByRole('textbox', { name: /Token name/ }), 'CI export');
    await user.click(screen.getByRole('button', { name: 'Create token' }));

    expect(await screen.findByRole('textbox', { name: 'New API token' })).toHaveValue(SECRET);
    expect(screen.getByText('Copy it now: it will not be shown again.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy token' })).toBeInTheDocument();
    // The list shows the new token by name, never its secret.
    const table = await screen.findByRole('table');
    await waitFor(() => {
      expect(within(table).getByText('CI export')).toBeInTheDocument();
    });
    expect(within(table).queryByText(SECRET)).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('textbox', { name: 'New API token' })).not.toBeInTheDocument();
    expect(screen.queryByDisplayValue(SECRET)).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Token name/ })).toHaveValue('');
  });

  it('asks for a name', async () => {
    mockServer();
    renderWithProviders(<TokensManager currentUserId={7} isAdmin={false} />);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Create token' }));
    expect(await screen.findByText('Name the token')).toBeInTheDocument();
  });
});
