import { Controller, Get, Header, Ip, Param, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiTooManyRequestsResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { Public } from '../../common/public.decorator';
import { ApiDatabaseUnavailableResponse, ErrorResponse } from '../../http/error-response';
import { ApiXlsxResponse, fileAttachment } from '../../http/file-attachment';
import type { Response } from 'express';
import { SimulationAnalysisQueryDto } from '../history/dto/simulation-analysis-query.dto';
import { SimulationAnalysisDto } from '../history/dto/simulation-analysis.dto';
import { SimulationDetailQueryDto } from '../history/dto/simulation-detail-query.dto';
import { simulationAnalysis } from '../history/simulation-analysis.presenter';
import { SharedComparisonDto } from './dto/shared-comparison.dto';
import { SharedSimulationDto } from './dto/shared-simulation.dto';
import { SharedReadLimiter } from './shared-read-limiter';
import { SharingService } from './sharing.service';

const TEARSHEET_CONTENT_TYPE = 'text/html; charset=utf-8';
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
@ApiExtraModels(SharedSimulationDto, SharedComparisonDto)
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
    summary: 'A shared result (a simulation or a comparison), read-only and without signing in',
    description:
      'The result as its owner’s results or comparison page shows it, with nothing about the owner; `kind` says ' +
      'which. The query options apply to a simulation.',
  })
  @ApiOkResponse({
    schema: {
      oneOf: [{ $ref: getSchemaPath(SharedSimulationDto) }, { $ref: getSchemaPath(SharedComparisonDto) }],
      discriminator: {
        propertyName: 'kind',
        mapping: { simulation: getSchemaPath(SharedSimulationDto), comparison: getSchemaPath(SharedComparisonDto) },
      },
    },
  })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiTooManyRequestsResponse(LIMITED)
  async read(
    @Ip() ip: string,
    @Param('token') token: string,
    @Query() query: SimulationDetailQueryDto,
  ): Promise<SharedSimulationDto | SharedComparisonDto> {
    await this.limiter.count(ip);
    const shared = await this.sharing.readShared(token);
    if (shared.kind === 'comparison') return SharedComparisonDto.from(shared);
    const { link, record, result } = shared;
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
      'A simulation: the owner’s workbook of the result; when there is none yet it is built through the report ' +
      'queue and this answers 409 REPORT_NOT_READY with Retry-After until it is ready. A comparison: its ' +
      'workbook, built on request (as GET /comparisons/{id}/xlsx).',
  })
  @ApiXlsxResponse()
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse({ type: ErrorResponse, description: 'REPORT_NOT_READY: being built; see Retry-After' })
  @ApiTooManyRequestsResponse(LIMITED)
  async report(@Ip() ip: string, @Param('token') token: string): Promise<StreamableFile> {
    await this.limiter.count(ip);
    const file = await this.sharing.sharedWorkbook(token);
    return fileAttachment({ ...file, content: file.stream });
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
    const { record, result } = await this.sharing.readSharedSimulation(token);
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
