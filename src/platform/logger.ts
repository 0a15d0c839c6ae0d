import pino from 'pino';
import type { Config } from '../config/env.js';

export const createLogger = (level: Config['logLevel']) => pino({ level, base: undefined });
