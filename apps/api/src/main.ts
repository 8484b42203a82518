import 'reflect-metadata';
import { ConfigError, loadConfig } from '@rilon/core';
import { createApp } from './create-app';

async function main(): Promise<void> {
  let config;
  let app;
  try {
    config = loadConfig();
    app = await createApp(config);
  } catch (error) {
    // Invalid settings, or credentials Redis refuses: one line, then exit.
    if (error instanceof ConfigError) {
      process.stderr.write(`rilon-api: configuration error: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  await app.listen({ port: config.port, host: config.host });
  if (config.jwt.generated) {
    process.stderr.write(
      'rilon-api: JWT_SECRET is not set; using a generated key (tokens end when the process stops)\n',
    );
  }
}

void main();
