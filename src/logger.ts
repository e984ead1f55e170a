/**
 * A small levelled logger writing one line per event to stderr (stdout stays for command output).
 */

/** Log levels in increasing severity. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** A levelled logger. */
export interface Logger {
  debug(message: string, detail?: unknown): void;
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

/** A logger that drops events below `level`. */
export function createLogger(level: LogLevel = 'info', write: (line: string) => void = (l) => process.stderr.write(l + '\n')): Logger {
  const at = (lvl: Exclude<LogLevel, 'silent'>) => (message: string, detail?: unknown) => {
    if (ORDER[lvl] < ORDER[level]) return;
    let suffix = '';
    if (detail instanceof Error) suffix = ` ${detail.stack ?? detail.message}`;
    else if (detail !== undefined) suffix = ` ${JSON.stringify(detail)}`;
    write(`${new Date().toISOString()} ${lvl.padEnd(5)} ${message}${suffix}`);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
