import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Length, Max, Min } from 'class-validator';

export class AssetSearchQueryDto {
  @ApiProperty({ description: 'ticker or name fragment', example: 'app', minLength: 1, maxLength: 50 })
  @IsString()
  @Length(1, 50)
  query!: string;

  @ApiPropertyOptional({ type: 'integer', description: 'most results to return', default: 10, minimum: 1, maximum: 50 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit: number = 10;
}
