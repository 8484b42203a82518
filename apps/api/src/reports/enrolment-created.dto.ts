import { ApiProperty } from '@nestjs/swagger';

export class EnrolmentCreatedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['pending'] }) status: 'pending';
  @ApiProperty({ type: 'integer' }) seats: number;
}
