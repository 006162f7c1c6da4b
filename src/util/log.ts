// Diagnostic logs (pino, JSON lines on stderr). Silent unless KABAR_LOG_LEVEL asks for them, so the
// CLI's own output and error lines stay readable; the server and workers will log at info.
import pino from 'pino';

export const log = pino({ name: 'kabar', level: process.env.KABAR_LOG_LEVEL ?? 'silent' }, pino.destination(2));
