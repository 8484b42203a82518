import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { OutboxModule, QUEUES } from '@rilon/core';
import { EmailRendererRegistry } from './email-renderer.registry';
import { EmailProcessor } from './email.processor';
import { MailTransport } from './mail-transport';
import { SendEmailRenderer } from './send-email.renderer';

/** Worker side of the e-mail area: the processor, the transport, the renderer registry. */
@Module({
  imports: [DiscoveryModule, OutboxModule, BullModule.registerQueue({ name: QUEUES.email })],
  providers: [EmailRendererRegistry, MailTransport, EmailProcessor, SendEmailRenderer],
})
export class EmailWorkerModule {}
