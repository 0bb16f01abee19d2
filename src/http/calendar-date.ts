import type { ApiPropertyOptions } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ValidateBy, ValidationOptions } from 'class-validator';
import { isIsoDate } from '../engine/market/trading-calendar';

/** JSON Schema of a calendar day, for @ApiProperty: what IsCalendarDate accepts. */
export const CALENDAR_DATE_SCHEMA = { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;

/**
 * A day that exists, written YYYY-MM-DD: `2020-13-45` and `2021-02-29` are refused here instead of reaching the
 * database (PostgreSQL refuses such a timestamp with an error, SQLite compares it as text).
 */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isIsoDate(value),
        defaultMessage: (args) => `${args?.property ?? 'value'} must be a calendar date YYYY-MM-DD`,
      },
    },
    options,
  );
}

/** A calendar date, or nothing at all (`from=`, as HTML forms send an empty field): see EmptyAsAbsent. */
export const OPTIONAL_CALENDAR_DATE_SCHEMA: ApiPropertyOptions = {
  anyOf: [{ ...CALENDAR_DATE_SCHEMA }, { type: 'string', maxLength: 0 }],
};

/** A query parameter sent empty (`from=`, as HTML forms do) reads as absent. */
export const EmptyAsAbsent = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value));
