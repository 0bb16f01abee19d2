import { QueryFailedError } from 'typeorm';
import { retryAfterSecondsOf } from '../common/domain-error';
import { asDatabaseUnavailable, DatabaseUnavailableError } from './database-unavailable';

/** An error as node-postgres or Node's net module makes it: a message and a code. */
const failure = (message: string, code?: string): Error => Object.assign(new Error(message), code ? { code } : {});

describe('asDatabaseUnavailable', () => {
  it.each([
    [
      'a refused connection (server down)',
      failure('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
      'connection refused',
    ],
    ['a reset connection', failure('read ECONNRESET', 'ECONNRESET'), 'ECONNRESET'],
    ['a connection the server closed', failure('Connection terminated unexpectedly'), 'the connection was closed'],
    [
      'the server shutting down (fast stop)',
      failure('terminating connection due to administrator command', '57P01'),
      'the server is shutting down or starting up',
    ],
    [
      'the server starting up',
      failure('the database system is starting up', '57P03'),
      'the server is shutting down or starting up',
    ],
    [
      'no connection within the pool timeout',
      failure('timeout exceeded when trying to connect'),
      'timeout exceeded when trying to connect',
    ],
    ['too many connections', failure('sorry, too many clients already', '53300'), '53300'],
    ['a connection exception', failure('connection failure', '08006'), '08006'],
  ])('recognises %s', (_, error, cause) => {
    const unavailable = asDatabaseUnavailable(error);
    expect(unavailable).toBeInstanceOf(DatabaseUnavailableError);
    expect(unavailable).toMatchObject({ code: 'DATABASE_UNAVAILABLE', httpStatus: 503, retryAfterSeconds: 5 });
    expect(unavailable?.message).toBe(
      `the database is unavailable right now (${cause}); nothing was changed, try again in 5 s`,
    );
    expect(retryAfterSecondsOf(unavailable)).toBe(5);
  });

  it('looks inside TypeORM’s QueryFailedError', () => {
    const wrapped = new QueryFailedError(
      'SELECT 1',
      [],
      failure('terminating connection due to administrator command', '57P01'),
    );
    expect(asDatabaseUnavailable(wrapped)?.code).toBe('DATABASE_UNAVAILABLE');
  });

  it.each([
    ['a statement error', new QueryFailedError('SELECT x', [], failure('column "x" does not exist', '42703'))],
    ['a unique violation', new QueryFailedError('INSERT', [], failure('duplicate key value', '23505'))],
    ['a plain bug', new TypeError('Cannot read properties of undefined')],
    ['not an error at all', 'ECONNREFUSED'],
  ])('leaves %s alone', (_, error) => {
    expect(asDatabaseUnavailable(error)).toBeUndefined();
  });
});
