import { DiscoveryService } from '@nestjs/core';
import { EMAIL_JOB_NAMES } from '@rilon/core';
import type { EmailRenderer } from './email-renderer';
import { EmailRendererRegistry } from './email-renderer.registry';

function renderer(jobName: string): EmailRenderer {
  return { jobName, render: () => Promise.resolve(null) } as unknown as EmailRenderer;
}

const registry = (): EmailRendererRegistry =>
  new EmailRendererRegistry(undefined as unknown as DiscoveryService);
const allNames = Object.keys(EMAIL_JOB_NAMES);

describe('EmailRendererRegistry', () => {
  it('accepts exactly one renderer for every e-mail job name', () => {
    const r = registry();
    r.load(allNames.map(renderer));
    expect(r.rendererFor('email.send').jobName).toBe('email.send');
  });

  it('refuses to start when a job name has no renderer', () => {
    expect(() => registry().load(allNames.slice(1).map(renderer))).toThrow(
      `no e-mail renderer for job name(s): ${allNames[0]}`,
    );
  });

  it('refuses two renderers for one name and a renderer for an unknown name', () => {
    expect(() => registry().load([...allNames, 'email.send'].map(renderer))).toThrow(
      'two e-mail renderers handle "email.send"',
    );
    expect(() => registry().load([...allNames, 'email.unknown'].map(renderer))).toThrow(
      /not in EMAIL_JOB_NAMES/,
    );
  });

  it('fails a job with an unknown name for good', () => {
    const r = registry();
    r.load(allNames.map(renderer));
    expect(() => r.rendererFor('nope')).toThrow(
      expect.objectContaining({ name: 'UnrecoverableError' }),
    );
  });
});
