// Process counters from /proc/<pid>/stat (Linux): what wall-clock figures on a shared machine cannot show.
import fs from 'node:fs';

export interface ProcStat {
  /** user + system CPU of the process itself, ms */
  cpu: number;
  /** user + system CPU of the children it has reaped (PostgreSQL's ended backends), ms */
  childCpu: number;
  /** major page faults (reads that waited for the disk) */
  majflt: number;
}

/** Counters of a running process; null when it is gone or there is no /proc. */
export function procStat(pid: number): ProcStat | null {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the fields after "(command) ": state(3) ... majflt(12) ... utime(14) stime(15) cutime(16) cstime(17), from 1 = pid
    const x = f.slice(f.lastIndexOf(')') + 2).split(' ');
    const tick = 1000 / 100;
    return { cpu: (Number(x[11]) + Number(x[12])) * tick, childCpu: (Number(x[13]) + Number(x[14])) * tick, majflt: Number(x[9]) };
  } catch {
    return null;
  }
}

/** Ids of the live processes whose parent is `pid` (none without /proc). */
export function childPids(pid: number): number[] {
  try {
    // /proc/<pid>/task/<tid>/children lists each thread's children (Linux 3.5+)
    const out: number[] = [];
    for (const t of fs.readdirSync(`/proc/${pid}/task`)) {
      for (const c of fs.readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim().split(/\s+/)) if (c) out.push(Number(c));
    }
    return out;
  } catch {
    return [];
  }
}

/**
 * CPU ms of one PostgreSQL server: its postmaster (with the backends it has reaped) and its live children, found by
 * parent, so another server on the machine (and the other processes named postgres) do not count.
 */
export function pgServerCpu(postmaster: number): number {
  const me = procStat(postmaster);
  let total = me ? me.cpu + me.childCpu : 0;
  for (const c of childPids(postmaster)) total += procStat(c)?.cpu ?? 0;
  return total;
}

/** The postmaster's process id of the server at `url` (superuser: its data directory), or null when not on this machine. */
export async function postmasterOf(url: string): Promise<number | null> {
  const { default: pg } = await import('pg');
  const c = new pg.Client(url);
  await c.connect();
  try {
    const dir = (await c.query('SHOW data_directory')).rows[0].data_directory as string;
    const pid = Number(fs.readFileSync(`${dir}/postmaster.pid`, 'utf8').split('\n')[0]);
    return procStat(pid) ? pid : null;
  } catch {
    return null;
  } finally {
    await c.end();
  }
}
