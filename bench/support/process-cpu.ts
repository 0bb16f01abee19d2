/**
 * CPU time of processes, from /proc (Linux): what a process (all its threads) has used, in milliseconds, so a
 * benchmark can divide the work of a measured window by the simulations done in it, independent of how many
 * other programs share the machine.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ): 100 on every Linux we run on. */
const TICKS_PER_SECOND = 100;

interface ProcStat {
  ppid: number;
  /** utime + stime of the process itself, in ticks. */
  own: number;
  /** cutime + cstime: children that exited and were waited for, in ticks. */
  reaped: number;
}

function readStat(pid: number): ProcStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined; // exited
  }
  // The command name (field 2) may contain spaces and parentheses: fields resume after the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state): field n is fields[n - 3].
  const at = (n: number) => Number(fields[n - 3]);
  return { ppid: at(4), own: at(14) + at(15), reaped: at(16) + at(17) };
}

function childrenOf(parent: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid <= 0) continue;
    if (readStat(pid)?.ppid === parent) children.push(pid);
  }
  return children;
}

/**
 * Milliseconds of CPU used so far by `pid`; with `withChildren`, also by its children, live (their own time)
 * and exited (the parent's reaped time): PostgreSQL's postmaster and its backends, for instance.
 */
export function cpuMs(pid: number, withChildren = false): number {
  const stat = readStat(pid);
  if (!stat) return Number.NaN;
  let ticks = stat.own;
  if (withChildren) {
    ticks += stat.reaped;
    for (const child of childrenOf(pid)) ticks += readStat(child)?.own ?? 0;
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** Busy and total CPU milliseconds of the whole machine (all cores) from /proc/stat. */
export function machineCpuMs(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal (guest time is already in user).
  const [user, nice, system, idle, iowait, irq, softirq, steal] = values;
  const busy = user + nice + system + irq + softirq + (steal ?? 0);
  const total = busy + idle + iowait;
  return { busy: (busy * 1000) / TICKS_PER_SECOND, total: (total * 1000) / TICKS_PER_SECOND };
}

export function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').trim();
}
