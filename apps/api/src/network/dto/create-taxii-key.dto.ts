import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { SingleLineText } from './validation.decorators';

/** A new TAXII key: only its label is chosen; the id and the secret are the server's. */
export class CreateTaxiiKeyDto {
  @ApiProperty({
    example: 'OpenCTI at the Bangkok office',
    minLength: 1,
    maxLength: 100,
    description: 'What the key is for, one line; trimmed',
  })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @SingleLineText(100)
  label: string;
}
