import 'reflect-metadata';
import { ConfigError, loadConfig } from '@rilon/core';
import { createApp } from './create-app';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`rilon-api: configuration error: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const app = await createApp(config);
  await app.listen({ port: config.port, host: config.host });
  if (config.jwt.generated) {
    process.stderr.write(
      'rilon-api: JWT_SECRET is not set; using a generated key (tokens end when the process stops)\n',
    );
  }
}

void main();
