import { describe, expect, it, jest, beforeEach } from '@jest/globals';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { api } from '../lib/api/client';
import type { Session } from '../lib/auth/session';
import { apiAnswer } from '../test-support/api-answer';
import { AuthForm } from './auth-form';

jest.mock('../lib/api/client', () => {
  const actual = jest.requireActual<typeof import('../lib/api/client')>('../lib/api/client');
  return { ...actual, api: { GET: jest.fn(), POST: jest.fn() } };
});

const replace = jest.fn();
jest.mock('next/navigation', () => ({
  useRouter: () => ({ replace, push: jest.fn() }),
  useSearchParams: () => new URLSearchParams('next=%2Fhistory%3Fstatus%3Dfailed'),
}));

const session: Session = {
  status: 'signed-out',
  user: null,
  signIn: jest.fn<Session['signIn']>(),
  register: jest.fn<Session['register']>(),
  signOut: jest.fn<Session['signOut']>(),
};
jest.mock('../lib/auth/session', () => ({ useSession: () => session }));

const GET = api.GET as unknown as jest.MockedFunction<(path: string) => Promise<unknown>>;

function renderForm(mode: 'sign-in' | 'register') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <AuthForm mode={mode} />
    </QueryClientProvider>,
  );
}

describe('AuthForm', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    session.status = 'signed-out';
  });

  it('offers Google only when the server has it configured', async () => {
    GET.mockReturnValue(apiAnswer(200, { password: true, google: true, googleLoginUrl: '/auth/google/login' }));
    renderForm('sign-in');
    expect(await screen.findByRole('link', { name: 'Continue with Google' })).toHaveAttribute(
      'href',
      '/auth/google/login',
    );

    GET.mockReturnValue(apiAnswer(200, { password: true, google: false, googleLoginUrl: null }));
    const { container } = renderForm('register');
    await screen.findAllByRole('button', { name: 'Create account' });
    expect(container.querySelector('a[href="/auth/google/login"]')).toBeNull();
  });

  it('signs in with what was typed and shows a refusal in words', async () => {
    GET.mockReturnValue(apiAnswer(200, { password: true, google: false, googleLoginUrl: null }));
    const { ApiError } = jest.requireActual<typeof import('../lib/api/client')>('../lib/api/client');
    (session.signIn as jest.Mock).mockImplementationOnce(() =>
      Promise.reject(new ApiError(401, 'INVALID_CREDENTIALS', 'wrong email or password')),
    );
    renderForm('sign-in');
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'not her password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(session.signIn).toHaveBeenCalledWith('ada@example.com', 'not her password');
    expect(await screen.findByRole('alert')).toHaveTextContent('wrong email or password');
  });

  it('sends a signed-in person on to where they were going, query string included', () => {
    GET.mockReturnValue(apiAnswer(200, { password: true, google: false, googleLoginUrl: null }));
    session.status = 'signed-in';
    renderForm('sign-in');
    expect(replace).toHaveBeenCalledWith('/history?status=failed');
  });

  it("states the server's password policy when registering, as the server words it (not a copied rule)", async () => {
    const policy = {
      minLength: 12,
      maxLength: 128,
      minDistinctCharacters: 5,
      summary: 'At least 12 characters (up to 128); a few unrelated words make a strong one.',
      rules: [],
    };
    GET.mockImplementation((path: string) =>
      path === '/auth/password-policy'
        ? apiAnswer(200, policy)
        : apiAnswer(200, { password: true, google: false, googleLoginUrl: null }),
    );
    renderForm('register');
    expect(await screen.findByTestId('password-policy')).toHaveTextContent(policy.summary);
    expect(screen.getByLabelText('Password')).toHaveAttribute('minlength', '12');
    expect(screen.queryByText(/8 characters/)).toBeNull();
    expect(GET).toHaveBeenCalledWith('/auth/password-policy');
  });

  it('does not ask for the password policy when signing in', async () => {
    GET.mockReturnValue(apiAnswer(200, { password: true, google: false, googleLoginUrl: null }));
    renderForm('sign-in');
    await screen.findByRole('button', { name: 'Sign in' });
    expect(GET).not.toHaveBeenCalledWith('/auth/password-policy');
    expect(screen.queryByTestId('password-policy')).toBeNull();
  });
});
