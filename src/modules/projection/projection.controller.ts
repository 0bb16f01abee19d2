import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, StreamableFile } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser } from '../../common/authenticated-user';
import { ApiDatabaseUnavailableResponse, ErrorResponse, UUID_PARAM } from '../../http/error-response';
import { fileAttachment } from '../../http/file-attachment';
import { ApiOwnedRead, ApiOwnedWorkbook, OwnedId } from '../../http/owned-resource';
import { ProjectionAcceptedDto, ProjectionDto, ProjectionOutputsDto, ProjectionRequestDto } from './dto/projection.dto';
import { ProjectionService } from './projection.service';

@ApiTags('projections')
@ApiBearerAuth()
@ApiDatabaseUnavailableResponse()
@ApiExtraModels(ProjectionOutputsDto)
@Controller()
export class ProjectionController {
  constructor(private readonly projections: ProjectionService) {}

  @Post('history/:id/projections')
  @HttpCode(202)
  @ApiParam(UUID_PARAM)
  @ApiOperation({
    summary: 'Project a completed simulation forward (Monte Carlo); follow it on the /projections socket',
    description:
      'Resamples the simulation’s own complete months (docs/projections.md). Every option has a default; the ' +
      'resolved inputs (the seed too) are stored, so the same inputs give the same outputs.',
  })
  // Every option has a default: no body at all asks for the defaults.
  @ApiBody({ type: ProjectionRequestDto, required: false })
  @ApiAcceptedResponse({ type: ProjectionAcceptedDto })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'VALIDATION_FAILED: details name the option' })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'SIMULATION_NOT_FOUND: unknown, or another user’s' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'SIMULATION_NOT_COMPLETED: still queued or running' })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponse,
    description: 'SIMULATION_FAILED, or INSUFFICIENT_HISTORY: fewer than 12 complete months',
  })
  async request(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) simulationId: string,
    @Body() body: ProjectionRequestDto,
  ): Promise<ProjectionAcceptedDto> {
    const projection = await this.projections.request(user.id, simulationId, body.toRequest());
    return {
      projectionId: projection.id,
      simulationId,
      status: projection.status,
      url: `/projections/${projection.id}`,
    };
  }

  @Get('projections/:id')
  @ApiOwnedRead(
    { summary: 'A projection’s status, progress, inputs and (once completed) outputs' },
    ProjectionDto,
    'PROJECTION_NOT_FOUND: unknown id, or another user’s',
  )
  async get(@CurrentUser() user: AuthenticatedUser, @OwnedId() id: string): Promise<ProjectionDto> {
    return ProjectionDto.from(await this.projections.getOwned(user.id, id));
  }

  @Get('projections/:id/xlsx')
  // The workbook on success only: errors are JSON like everywhere else.
  @ApiOwnedWorkbook(
    {
      summary: 'The workbook (.xlsx) of a completed projection: inputs, percentile bands with a chart, distributions',
      description:
        'Built on request from the stored outputs (no job); the values are those GET /projections/{id} serves.',
    },
    'PROJECTION_NOT_COMPLETED: queued, running or failed',
    'PROJECTION_NOT_FOUND: unknown id, or another user’s',
  )
  async workbook(@CurrentUser() user: AuthenticatedUser, @OwnedId() id: string): Promise<StreamableFile> {
    const { buffer, fileName } = await this.projections.workbook(user.id, id);
    return fileAttachment({ content: buffer, fileName });
  }
}
