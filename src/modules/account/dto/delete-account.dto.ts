import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class DeleteAccountRequest {
  @ApiPropertyOptional({
    description:
      'the account’s password; may be left out within 5 minutes of a sign-in (how an account without a password, ' +
      'signed in with Google, confirms)',
    maxLength: 1024,
  })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  password?: string;
}
