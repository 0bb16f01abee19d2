import { tokenShape } from '../../engine/command/command.parser';
import type { SimulationOptionOverridesDto } from './dto/simulate-request.dto';

/**
 * Applies JSON option overrides to a command: each replaces the command's `key=value` token of the same name
 * (or is appended), so the parser validates overrides exactly like written options and the canonical form
 * shows what runs.
 */
export function applyOptionOverrides(command: string, overrides: SimulationOptionOverridesDto | undefined): string {
  if (!overrides) return command;
  const entries = Object.entries(overrides).filter(([, value]) => value !== undefined && value !== null);
  if (entries.length === 0) return command;
  const replaced = new Set(entries.map(([key]) => key.toLowerCase()));
  const kept = command
    .trim()
    .split(/\s+/)
    .filter((token) => {
      // Only an option token is replaced: CASH=X-L-10% is a position, whatever cash= says.
      const key = /^([A-Za-z]+)=/.exec(token)?.[1]?.toLowerCase();
      return key === undefined || tokenShape(token) !== 'option' || !replaced.has(key);
    });
  return [...kept, ...entries.map(([key, value]) => `${key}=${String(value)}`)].join(' ');
}
