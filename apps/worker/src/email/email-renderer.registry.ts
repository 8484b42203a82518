import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { EMAIL_JOB_NAMES } from '@rilon/core';
import { UnrecoverableError } from 'bullmq';
import { AsEmailRenderer, EmailJobHandler } from './email-renderer';

/**
 * Finds every `@AsEmailRenderer()` provider at start-up and checks that each job name
 * the e-mail queue can carry has exactly one renderer and that no renderer handles a
 * name the queue does not know. Start-up fails otherwise, before any job is taken.
 */
@Injectable()
export class EmailRendererRegistry implements OnModuleInit {
  private readonly renderers = new Map<string, EmailJobHandler>();

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const found = this.discovery
      .getProviders({ metadataKey: AsEmailRenderer.KEY })
      .map((wrapper) => wrapper.instance as EmailJobHandler | undefined)
      .filter((instance): instance is EmailJobHandler => Boolean(instance));
    this.load(found);
  }

  /** Registers renderers and checks them against EMAIL_JOB_NAMES; throws on any mismatch. */
  load(renderers: EmailJobHandler[]): void {
    const known = new Set<string>(Object.keys(EMAIL_JOB_NAMES));
    for (const renderer of renderers) {
      if (!known.has(renderer.jobName)) {
        throw new Error(
          `e-mail renderer ${renderer.constructor.name} handles "${renderer.jobName}", which is not in EMAIL_JOB_NAMES`,
        );
      }
      if (this.renderers.has(renderer.jobName)) {
        throw new Error(`two e-mail renderers handle "${renderer.jobName}"`);
      }
      this.renderers.set(renderer.jobName, renderer);
    }
    const missing = [...known].filter((name) => !this.renderers.has(name));
    if (missing.length > 0) {
      throw new Error(`no e-mail renderer for job name(s): ${missing.join(', ')}`);
    }
  }

  /** The renderer of a job name; an unknown name can never succeed, so it is not retried. */
  rendererFor(jobName: string): EmailJobHandler {
    const renderer = this.renderers.get(jobName);
    if (!renderer) throw new UnrecoverableError(`no e-mail renderer for job name "${jobName}"`);
    return renderer;
  }
}
