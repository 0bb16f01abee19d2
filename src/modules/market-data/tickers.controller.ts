import { Controller, Get, Query, Req } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../../common/public.decorator';
import { ErrorResponse } from '../../http/error-response';
import { TickerCheckDto, TickerCheckQueryDto } from './dto/ticker-check.dto';
import { MarketDataService } from './market-data.service';
import { optionalUserId } from './optional-user';

/** Cheap questions about tickers, for the dashboard's editor (no history is fetched or stored). */
@ApiTags('market data')
@Controller('tickers')
export class TickersController {
  constructor(
    private readonly marketData: MarketDataService,
    private readonly moduleRef: ModuleRef,
  ) {}

  @Public()
  @Get('check')
  @ApiOperation({
    summary: 'Whether each ticker can be priced by a configured source (or your upload), with the nearest known ones',
  })
  @ApiOkResponse({ type: [TickerCheckDto] })
  @ApiBadRequestResponse({ description: 'no tickers, or more than 50', schema: { $ref: getSchemaPath(ErrorResponse) } })
  async check(@Query() query: TickerCheckQueryDto, @Req() request: Request): Promise<TickerCheckDto[]> {
    return this.marketData.checkTickers(query.tickers.split(','), {
      userId: await optionalUserId(request, this.moduleRef),
    });
  }
}
