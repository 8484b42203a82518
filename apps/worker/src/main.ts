import 'reflect-metadata';
import { ConfigError, loadConfig } from '@rilon/core';
import { createWorker } from './create-worker';

async function main(): Promise<void> {
  try {
    await createWorker(loadConfig());
  } catch (error) {
    // Invalid settings, or credentials Redis refuses: one line, then exit.
    if (error instanceof ConfigError) {
      process.stderr.write(`rilon-worker: configuration error: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
}

void main();
