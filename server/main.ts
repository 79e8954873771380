import { ConfigError, readConfig } from './config.js';
import { createLogger } from './log.js';
import { createServer } from './server.js';

const logger = createLogger();

async function main(): Promise<void> {
  const config = readConfig();
  const server = await createServer(config, logger);
  logger.log('INFO', `Telemetry endpoint listening on ${config.host}:${server.port}`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.log('INFO', `${signal} received, finishing in-flight requests`);
    server.close().then(
      () => {
        logger.log('INFO', 'Shutdown complete');
        process.exit(0);
      },
      (error: unknown) => {
        logger.log('CRITICAL', `Shutdown failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  const reason = error instanceof ConfigError ? error.message : String(error);
  logger.log('CRITICAL', `Telemetry endpoint failed to start: ${reason}`);
  process.exit(1);
});
