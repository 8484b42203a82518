import 'reflect-metadata';
import { ConfigError, loadConfig } from '@rilon/core';
import { createWorker } from './create-worker';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`rilon-worker: configuration error: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  await createWorker(config);
}

void main();
