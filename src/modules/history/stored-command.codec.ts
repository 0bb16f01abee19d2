import type { PortfolioCommand } from '../../engine';

/**
 * The parsed command as the simulations table keeps it (parsed_command): the parser's PortfolioCommand as JSON,
 * written at submission and never changed. Reading it back checks its outline instead of casting, so a row
 * that is not a command fails here, by name, and not somewhere in the engine.
 */
export function encodeStoredCommand(command: PortfolioCommand): string {
  return JSON.stringify(command);
}

export function decodeStoredCommand(json: string): PortfolioCommand {
  const value: unknown = JSON.parse(json);
  if (!isPortfolioCommand(value))
    throw new Error('a stored parsed command is not a command (positions, start, end, options)');
  return value;
}

function isPortfolioCommand(value: unknown): value is PortfolioCommand {
  return (
    typeof value === 'object' &&
    value !== null &&
    'positions' in value &&
    Array.isArray(value.positions) &&
    'start' in value &&
    typeof value.start === 'string' &&
    'end' in value &&
    typeof value.end === 'string' &&
    'options' in value &&
    typeof value.options === 'object' &&
    value.options !== null
  );
}
