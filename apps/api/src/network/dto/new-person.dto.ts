import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength } from 'class-validator';
import { IsMemberCode, SingleLineText } from './validation.decorators';

/** Who a new account is for: shared by POST /users and POST /invitations. */
export class NewPersonDto {
  @ApiProperty({ example: 'officer@immigration.go.th', maxLength: 254 })
  @IsString()
  @MaxLength(254)
  @IsEmail()
  email: string;

  @ApiProperty({ minLength: 1, maxLength: 120 })
  @SingleLineText(120)
  displayName: string;

  @ApiProperty({ example: 'THA', description: 'An existing member code (400 otherwise)' })
  @IsMemberCode()
  memberCode: string;
}
