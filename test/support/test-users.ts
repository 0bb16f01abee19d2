import { randomUUID } from 'node:crypto';
import request from 'supertest';

export const TEST_PASSWORD = 'correct horse battery staple 7';

export interface TestUser {
  id: string;
  email: string;
  accessToken: string;
  /** `Authorization` header value. */
  bearer: string;
}

/** Registers a new user through the real API and returns its access token. */
export async function signUp(url: string, label = 'user'): Promise<TestUser> {
  const email = `${label}-${randomUUID().slice(0, 8)}@example.com`;
  const response = await request(url).post('/auth/register').send({ email, password: TEST_PASSWORD });
  if (response.status !== 201) {
    throw new Error(`registering ${email} answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  const body = response.body as { accessToken: string; user: { id: string } };
  return { id: body.user.id, email, accessToken: body.accessToken, bearer: `Bearer ${body.accessToken}` };
}
