import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { LoginForm } from './login-form';

const me = {
  id: 2,
  name: 'Sam Sales',
  email: 'sales@example.com',
  lang: 'en',
  rights: {
    customers: { view: 'A', edit: 'M', add: 'A', delete: 'D', export: 'A' },
    mail_access: false,
    catalog_access: true,
    is_admin: false,
    is_free: false,
    is_active: true,
    group_id: null,
    role_id: null,
  },
  _links: { self: { href: '/api/v4/users/2' } },
};

function respond(url: string, init?: RequestInit): Response {
  if (url === '/api/auth/demo-users') {
    return Response.json({
      users: [{ email: 'sales@example.com', role: 'sales', password: 'demo' }],
    });
  }
  if (url === '/api/auth/login' && init?.method === 'POST') {
    const body = JSON.parse(init.body as string) as { password: string };
    if (body.password === 'demo') return Response.json(me);
    return new Response(
      JSON.stringify({
        title: 'Unauthorized',
        type: 'about:blank',
        status: 401,
        detail: 'Wrong email or password',
      }),
      { status: 401, headers: { 'Content-Type': 'application/problem+json' } },
    );
  }
  return new Response(null, { status: 404 });
}

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn((input: RequestInfo | URL, init?: RequestInit) =>
      Promise.resolve(respond(input instanceof Request ? input.url : input.toString(), init)),
    ),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('LoginForm', () => {
  it('has labelled Email and Password fields and a Sign in button', () => {
    renderWithProviders(<LoginForm onSignedIn={vi.fn()} />);
    expect(screen.getByLabelText('Email')).toHaveAttribute('type', 'email');
    expect(screen.getByLabelText('Password')).toHaveAttribute('type', 'password');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  });

  it("shows the server's message when the credentials are wrong", async () => {
    const user = userEvent.setup();
    const onSignedIn = vi.fn();
    renderWithProviders(<LoginForm onSignedIn={onSignedIn} />);

    await user.type(screen.getByLabelText('Email'), 'sales@example.com');
    await user.type(screen.getByLabelText('Password'), 'nope');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong email or password');
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it('asks for missing fields before calling the server', async () => {
    const user = userEvent.setup();
    renderWithProviders(<LoginForm onSignedIn={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter your email')).toBeInTheDocument();
    expect(fetch).not.toHaveBeenCalledWith('/api/auth/login', expect.anything());
  });

  it('lists the demo users and signs in with one', async () => {
    const user = userEvent.setup();
    const onSignedIn = vi.fn();
    renderWithProviders(<LoginForm onSignedIn={onSignedIn} />);

    await user.click(await screen.findByRole('button', { name: 'Fill in sales@example.com' }));
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await vi.waitFor(() => {
      expect(onSignedIn).toHaveBeenCalledWith(
        expect.objectContaining({ email: 'sales@example.com' }),
      );
    });
  });
});
