import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  Res,
  UnsupportedMediaTypeException,
  UseInterceptors,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiNotModifiedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuthenticatedUser, CurrentUser } from '../../common/authenticated-user';
import { Public } from '../../common/public.decorator';
import { ErrorResponse } from '../../http/error-response';
import { AssetSearchQueryDto } from './dto/asset-search.query.dto';
import {
  AssetResponseDto,
  AssetSearchResultDto,
  PriceSeriesResponseDto,
  UploadResultDto,
} from './dto/asset.response.dto';
import { PriceQueryDto } from './dto/price-query.dto';
import { MarketDataService } from './market-data.service';
import { PRICE_SERIES_MEDIA_TYPE } from '../../engine/market/price-series.codec';
import {
  binaryCacheControl,
  etagMatches,
  toAssetResponse,
  toBinaryPrices,
  toCsv,
  toPriceSeriesResponse,
} from './market-data.presenter';
import { optionalUserId } from './optional-user';
import { RetryAfterInterceptor } from './retry-after.interceptor';
import { TICKER_SCHEMA } from './ticker';

const TICKER_PARAM = {
  name: 'ticker',
  example: 'AAPL',
  schema: TICKER_SCHEMA,
  description: 'ticker as Yahoo writes it (^GSPC, BRK-B, 7203.T); letters in any case',
};
const errorSchema = { $ref: getSchemaPath(ErrorResponse) };

/**
 * Assets and their daily prices. Reading is public (sample and public data need no account); a request
 * that carries a valid access token also sees that user's uploads. Uploading needs an account.
 */
@ApiTags('market data')
@ApiExtraModels(PriceSeriesResponseDto)
@Controller('assets')
@UseInterceptors(RetryAfterInterceptor)
@ApiBadRequestResponse({ description: 'invalid ticker, date or query', schema: errorSchema })
@ApiServiceUnavailableResponse({
  description: 'every source that could serve the ticker is down; Retry-After says when to try again',
  schema: errorSchema,
})
@ApiUnauthorizedResponse({
  description: 'an access token was sent and is not valid (reading needs none; a valid one adds your uploads)',
  schema: errorSchema,
})
export class MarketDataController {
  constructor(
    private readonly marketData: MarketDataService,
    private readonly moduleRef: ModuleRef,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Search tickers (autocomplete): your uploads, stored assets, sample tickers, Yahoo search' })
  @ApiOkResponse({ type: [AssetSearchResultDto] })
  async search(@Query() query: AssetSearchQueryDto, @Req() request: Request): Promise<AssetSearchResultDto[]> {
    return this.marketData.search(query.query, query.limit, { userId: await this.optionalUserId(request) });
  }

  @Public()
  @Get(':ticker')
  @ApiOperation({ summary: 'Metadata of a ticker, the source serving it and the dates it has prices for' })
  @ApiParam(TICKER_PARAM)
  @ApiOkResponse({ type: AssetResponseDto })
  @ApiNotFoundResponse({ description: 'no source knows the ticker', schema: errorSchema })
  async asset(@Param('ticker') ticker: string, @Req() request: Request): Promise<AssetResponseDto> {
    return toAssetResponse(await this.marketData.getAsset(ticker, { userId: await this.optionalUserId(request) }));
  }

  @Public()
  @Get(':ticker/prices')
  @ApiOperation({
    summary: 'Daily prices over a range: JSON columns, CSV (?format=csv) or compact binary (?format=binary)',
    description:
      'format=binary (application/octet-stream) is what the dashboard keeps in IndexedDB: day numbers and adjusted ' +
      'closes as typed arrays with the ticker, its source and kind, a few tens of KB for 33 years (layout in ' +
      'docs/market-data.md, "Binary prices"; codec src/engine/market/price-series.codec.ts). It carries a strong ETag ' +
      '(If-None-Match → 304 Not Modified) and Cache-Control: private when the request carries a token (the answer ' +
      "may be that user's upload), public otherwise; immutable for an explicit range that can no longer change, " +
      'no-cache (revalidate) otherwise.',
  })
  @ApiParam(TICKER_PARAM)
  // Each answer's media type is in its response below (errors are always JSON).
  @ApiOkResponse({
    description: 'JSON columns; with ?format=csv: date,close,adj_close; with ?format=binary: the binary series',
    headers: {
      'X-Price-Source': { description: 'the source that served the series', schema: { type: 'string' } },
      ETag: { description: 'format=binary: the content of the answer', schema: { type: 'string' } },
      'Cache-Control': { description: 'format=binary: how long it may be kept', schema: { type: 'string' } },
    },
    content: {
      'application/json': { schema: { $ref: getSchemaPath(PriceSeriesResponseDto) } },
      'text/csv': { schema: { type: 'string' } },
      [PRICE_SERIES_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiNotModifiedResponse({ description: "format=binary: the If-None-Match header holds the answer's ETag" })
  @ApiNotFoundResponse({ description: 'no source knows the ticker', schema: errorSchema })
  @ApiUnprocessableEntityResponse({
    description: 'no prices in the range; details give the available range',
    schema: errorSchema,
  })
  async prices(
    @Param('ticker') ticker: string,
    @Query() query: PriceQueryDto,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const userId = await this.optionalUserId(request);
    const served = await this.marketData.getPrices(ticker, { start: query.start, end: query.end }, { userId });
    response.setHeader('X-Price-Source', served.source);
    if (query.format === 'csv') {
      response.setHeader('Content-Type', 'text/csv; charset=utf-8');
      response.setHeader('Content-Disposition', `inline; filename="${served.ticker}.csv"`);
      response.send(toCsv(served));
    } else if (query.format === 'binary') {
      const { body, etag } = toBinaryPrices(served);
      response.setHeader('ETag', etag);
      response.setHeader('Cache-Control', binaryCacheControl(served, request.headers.authorization !== undefined));
      // The answer depends on the token: a user's upload shadows the public ticker.
      response.setHeader('Vary', 'Authorization');
      if (etagMatches(request.headers['if-none-match'], etag)) {
        response.status(304).end();
        return;
      }
      response.setHeader('Content-Type', PRICE_SERIES_MEDIA_TYPE);
      response.end(body);
    } else {
      response.json(toPriceSeriesResponse(served));
    }
  }

  @Post(':ticker/prices')
  @HttpCode(201)
  @Header('Cache-Control', 'no-store')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Upload your own daily prices for a ticker (a fund, a private index): a CSV as people have them',
    description:
      'Body: the CSV itself with Content-Type text/csv (curl --data-binary @prices.csv -H "Content-Type: text/csv"). ' +
      "Read as it is: date,close[,adj_close], Yahoo's export (Date,Open,High,Low,Close,Adj Close,Volume: Open, High, " +
      'Low and Volume are not used), semicolon- or tab-separated files (decimal commas too), a header in any case, ' +
      'quoted cells. Every line is checked (a date YYYY-MM-DD from 1600-01-01 to today, once; prices from 1e-9 to ' +
      '1e12); one bad line rejects the whole file (400 UPLOAD_INVALID listing each bad line by number) and nothing ' +
      'is stored. Rows for dates already uploaded replace them. The series is yours only: it shadows the public ticker ' +
      "for you. A 5 MB file is read and stored without holding up the server's other requests.",
  })
  @ApiParam({ ...TICKER_PARAM, example: 'MYFUND' })
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: { type: 'string', example: 'date,close,adj_close\n2024-01-02,101.25,100.80\n2024-01-03,102.00,101.55\n' },
  })
  @ApiCreatedResponse({ type: UploadResultDto })
  @ApiUnauthorizedResponse({ description: 'no or invalid access token', schema: errorSchema })
  @ApiUnsupportedMediaTypeResponse({ description: 'the body is not text/csv', schema: errorSchema })
  async upload(
    @Param('ticker') ticker: string,
    @Body() body: unknown,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<UploadResultDto> {
    if (typeof body !== 'string') {
      throw new UnsupportedMediaTypeException('send the CSV as the request body with Content-Type: text/csv');
    }
    return this.marketData.upload(user.id, ticker, body);
  }

  private optionalUserId(request: Request): Promise<string | null> {
    return optionalUserId(request, this.moduleRef);
  }
}
