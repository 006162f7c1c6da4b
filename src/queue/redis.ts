// The queue's Redis connection: BullMQ's standard driver (ioredis), built from a redis:// URL. BullMQ creates
// and closes its own clients from these options (workers need a blocking connection of their own).
import type { ConnectionOptions } from 'bullmq';

export function redisConnection(url: string): ConnectionOptions {
  const u = new URL(url);
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new Error(`${url}: not a redis:// URL`);
  const db = Number(u.pathname.slice(1) || 0);
  return {
    host: u.hostname || '127.0.0.1',
    port: Number(u.port) || 6379,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(Number.isInteger(db) && db > 0 ? { db } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    // BullMQ's workers wait on blocking commands: never give up on a request, reconnect instead
    maxRetriesPerRequest: null,
  };
}
