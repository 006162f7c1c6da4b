// Diagnostic logs (pino, JSON lines on stderr). Silent unless KABAR_LOG_LEVEL asks for them, so the
// CLI's own output and error lines stay readable; the server and workers will log at info.
import pino from 'pino';

// An empty or unknown KABAR_LOG_LEVEL means silent: pino would throw at import and kill every command.
const wanted = process.env.KABAR_LOG_LEVEL?.trim().toLowerCase() ?? '';
export const log = pino({ name: 'kabar', level: Object.hasOwn(pino.levels.values, wanted) ? wanted : 'silent' }, pino.destination(2));
