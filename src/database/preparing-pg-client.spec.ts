import { statementName } from './preparing-pg-client';

describe('statementName', () => {
  it('gives one text one stable name, and other texts other names', () => {
    const select = 'SELECT * FROM simulations WHERE id = $1';
    const name = statementName(select, 1);
    expect(name).toMatch(/^pf_\d+$/);
    expect(statementName(select, 1)).toBe(name);
    expect(statementName('SELECT * FROM simulations WHERE user_id = $1', 1)).not.toBe(name);
  });

  it('leaves statements without parameters, with very many, or very long ones unnamed', () => {
    expect(statementName('BEGIN', 0)).toBeUndefined();
    expect(statementName('INSERT INTO prices VALUES …', 6000)).toBeUndefined();
    expect(statementName(`SELECT $1 ${' '.repeat(5000)}`, 1)).toBeUndefined();
  });
});
