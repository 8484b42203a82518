import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { QUEUES } from '@rilon/core';
import { EmailOutboxRepository } from './email-outbox.repository';
import { EmailRendererRegistry } from './email-renderer.registry';
import { EmailProcessor } from './email.processor';
import { MailTransport } from './mail-transport.service';
import { SendEmailRenderer } from './send-email.renderer';

/** Worker side of the e-mail area: the processor, the transport, the renderer registry. */
@Module({
  imports: [DiscoveryModule, BullModule.registerQueue({ name: QUEUES.email })],
  providers: [
    EmailRendererRegistry,
    MailTransport,
    EmailProcessor,
    EmailOutboxRepository,
    SendEmailRenderer,
  ],
})
export class EmailWorkerModule {}
