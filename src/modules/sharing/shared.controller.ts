import { Controller, Get, Header, Ip, Param, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { Public } from '../../common/public.decorator';
import { ApiDatabaseUnavailableResponse, ErrorResponse } from '../../http/error-response';
import type { Response } from 'express';
import { SimulationAnalysisQueryDto } from '../history/dto/simulation-analysis-query.dto';
import { SimulationAnalysisDto } from '../history/dto/simulation-analysis.dto';
import { SimulationDetailQueryDto } from '../history/dto/simulation-detail-query.dto';
import { simulationAnalysis } from '../history/simulation-analysis.presenter';
import { SharedSimulationDto } from './dto/shared-simulation.dto';
import { SharedReadLimiter } from './shared-read-limiter';
import { SharingService } from './sharing.service';

const TEARSHEET_CONTENT_TYPE = 'text/html; charset=utf-8';
const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TOKEN_PARAM = {
  name: 'token',
  description: 'the share link’s token (43 characters of base64url)',
  schema: { type: 'string', minLength: 1, maxLength: 64 },
} as const;
const NOT_FOUND = {
  type: ErrorResponse,
  description: 'SHARE_LINK_NOT_FOUND: no such link, revoked, or the result or its account deleted',
} as const;
const LIMITED = {
  type: ErrorResponse,
  description: 'TOO_MANY_REQUESTS: SHARED_THROTTLE_LIMIT per SHARED_THROTTLE_TTL_SECONDS per address; see Retry-After',
} as const;

/** The public side of share links: no sign-in, rate-limited per client address, never indexed. */
@ApiTags('sharing')
@ApiDatabaseUnavailableResponse()
@Public()
@Controller('shared')
export class SharedController {
  constructor(
    private readonly sharing: SharingService,
    private readonly limiter: SharedReadLimiter,
  ) {}

  @Get(':token')
  @Header('X-Robots-Tag', 'noindex, nofollow')
  @Header('Cache-Control', 'no-store')
  @Header('Referrer-Policy', 'no-referrer')
  @ApiParam(TOKEN_PARAM)
  @ApiOperation({
    summary: 'A shared result, read-only and without signing in',
    description: 'The result as its owner’s results page shows it, with nothing about the owner.',
  })
  @ApiOkResponse({ type: SharedSimulationDto })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiTooManyRequestsResponse(LIMITED)
  async read(
    @Ip() ip: string,
    @Param('token') token: string,
    @Query() query: SimulationDetailQueryDto,
  ): Promise<SharedSimulationDto> {
    await this.limiter.count(ip);
    const { link, record, result } = await this.sharing.readShared(token);
    // The analysis as the owner's GET /history/{id} gives it (same query options).
    return SharedSimulationDto.from(
      link.createdAt,
      record,
      result,
      query.trades,
      simulationAnalysis(record, result, query),
    );
  }

  @Get(':token/report')
  @Header('X-Robots-Tag', 'noindex, nofollow')
  @Header('Cache-Control', 'no-store')
  @ApiParam(TOKEN_PARAM)
  @ApiOperation({
    summary: 'The shared result’s workbook (.xlsx)',
    description:
      'The owner’s workbook of the result; when there is none yet it is built through the report queue and this ' +
      'answers 409 REPORT_NOT_READY with Retry-After until it is ready.',
  })
  @ApiOkResponse({
    description: 'the workbook, as an attachment',
    content: { [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse({ type: ErrorResponse, description: 'REPORT_NOT_READY: being built; see Retry-After' })
  @ApiTooManyRequestsResponse(LIMITED)
  async report(@Ip() ip: string, @Param('token') token: string): Promise<StreamableFile> {
    await this.limiter.count(ip);
    const file = await this.sharing.sharedWorkbook(token);
    return new StreamableFile(file.stream, {
      type: file.contentType,
      length: file.size,
      disposition: `attachment; filename="${file.fileName}"`,
    });
  }

  @Get(':token/analysis')
  @Header('X-Robots-Tag', 'noindex, nofollow')
  @Header('Cache-Control', 'no-store')
  @Header('Referrer-Policy', 'no-referrer')
  @ApiParam(TOKEN_PARAM)
  @ApiOperation({
    summary: 'Rolling metrics of one window and the drawdown episodes of a shared result, without its series',
    description: 'As GET /history/{id}/analysis for the owner (same options): the shared page’s window chooser.',
  })
  @ApiOkResponse({ type: SimulationAnalysisDto })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'VALIDATION_FAILED: an analysis option out of range' })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiTooManyRequestsResponse(LIMITED)
  async analysis(
    @Ip() ip: string,
    @Param('token') token: string,
    @Query() query: SimulationAnalysisQueryDto,
  ): Promise<SimulationAnalysisDto> {
    await this.limiter.count(ip);
    const { record, result } = await this.sharing.readShared(token);
    return simulationAnalysis(record, result, query);
  }

  @Get(':token/tearsheet')
  @Header('X-Robots-Tag', 'noindex, nofollow')
  @Header('Cache-Control', 'no-store')
  @Header('Referrer-Policy', 'no-referrer')
  @ApiParam(TOKEN_PARAM)
  @ApiOperation({
    summary: 'The shared result’s tearsheet: one self-contained HTML file (inline SVG; opens offline, prints to PDF)',
    description: 'Rendered on request from the stored result, with nothing of the owner (not even the simulation id).',
  })
  @ApiOkResponse({
    description: 'the tearsheet, as an attachment',
    content: { 'text/html': { schema: { type: 'string' } } },
  })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiTooManyRequestsResponse(LIMITED)
  async tearsheet(
    @Ip() ip: string,
    @Param('token') token: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    await this.limiter.count(ip);
    const { html, fileName } = await this.sharing.sharedTearsheet(token);
    response.setHeader('Content-Type', TEARSHEET_CONTENT_TYPE);
    response.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    return html;
  }
}
