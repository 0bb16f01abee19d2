import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { api, type User } from '../../lib/api/client';
import { apiAnswer } from '../../test-support/api-answer';
import { DeleteAccount } from './delete-account';

const replace = jest.fn();
jest.mock('next/navigation', () => ({ useRouter: () => ({ replace }) }));
const remove = jest.spyOn(api, 'DELETE');

const ADA: User = {
  id: '1b4e28ba-2fa1-41d2-883f-0016d3cca427',
  email: 'ada@example.com',
  displayName: 'Ada',
  emailVerified: false,
  googleLinked: false,
  hasPassword: true,
  createdAt: '2026-01-02T03:04:05.000Z',
};

beforeEach(() => {
  remove.mockReset();
  replace.mockReset();
});

describe('DeleteAccount', () => {
  it('deletes only once the password is given and the word typed, then goes to the sign-in page', async () => {
    remove.mockImplementation(() => apiAnswer(204) as never);
    render(<DeleteAccount user={ADA} />);
    const button = screen.getByRole('button', { name: 'Delete my account' });
    expect(button).toBeDisabled();
    await userEvent.type(screen.getByLabelText('Password'), 'correct horse');
    expect(button).toBeDisabled();
    await userEvent.type(screen.getByLabelText('Type “delete” to confirm'), 'Delete');
    expect(button).toBeEnabled();

    await userEvent.click(button);
    expect(remove).toHaveBeenCalledWith('/auth/me', { body: { password: 'correct horse' } });
    expect(replace).toHaveBeenCalledWith('/sign-in?deleted=1');
  });

  it("shows the server's refusal and keeps the account page", async () => {
    remove.mockImplementation(
      () =>
        apiAnswer(401, {
          status: 401,
          error: 'INVALID_CREDENTIALS',
          message: 'The password is wrong.',
          details: [],
          requestId: 'r1',
        }) as never,
    );
    render(<DeleteAccount user={ADA} />);
    await userEvent.type(screen.getByLabelText('Password'), 'wrong');
    await userEvent.type(screen.getByLabelText('Type “delete” to confirm'), 'delete');
    await userEvent.click(screen.getByRole('button', { name: 'Delete my account' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The password is wrong.');
    expect(replace).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Delete my account' })).toBeEnabled();
  });

  it('asks an account without a password for no password (a recent sign-in confirms it)', async () => {
    remove.mockImplementation(() => apiAnswer(204) as never);
    render(<DeleteAccount user={{ ...ADA, hasPassword: false, googleLinked: true }} />);
    expect(screen.queryByLabelText('Password')).toBeNull();
    expect(screen.getByText(/sign in again first/)).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Type “delete” to confirm'), 'delete');
    await userEvent.click(screen.getByRole('button', { name: 'Delete my account' }));
    expect(remove).toHaveBeenCalledWith('/auth/me', { body: {} });
    expect(replace).toHaveBeenCalledWith('/sign-in?deleted=1');
  });
});
