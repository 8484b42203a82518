import { ApiProperty } from '@nestjs/swagger';

/** The webhook as answered: never the secret. */
export class TeamWebhookDto {
  @ApiProperty()
  url: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;
}
