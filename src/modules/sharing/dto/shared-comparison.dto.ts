import { ApiProperty } from '@nestjs/swagger';
import {
  BestOfMetricDto,
  ComparedMemberDto,
  ComparisonPeriodDto,
  CorrelationMatrixDto,
} from '../../comparison/dto/comparison.dto';
import type { SharedComparison } from '../sharing.service';

/**
 * A shared comparison: what its owner's comparison page shows — the period, every member's command, metrics and
 * series, the correlation matrix, the best member of each metric — without anything about the owner or their
 * workspace (no user, no comparison id, no history ids, no submission times).
 */
export class SharedComparisonResultDto {
  @ApiProperty({ type: ComparisonPeriodDto }) period!: ComparisonPeriodDto;
  @ApiProperty({ type: [ComparedMemberDto] }) members!: ComparedMemberDto[];
  @ApiProperty({ type: CorrelationMatrixDto }) correlation!: CorrelationMatrixDto;
  @ApiProperty({ type: [BestOfMetricDto], description: 'the best member on each ranked metric' })
  best!: BestOfMetricDto[];

  static from(comparison: SharedComparison['comparison']): SharedComparisonResultDto {
    const { period, members, correlation, best } = comparison.result;
    // Listed field by field (not spread): a field added to the result later is not shared by accident.
    return {
      period: {
        mode: period.mode,
        start: period.start,
        end: period.end,
        startSetBy: [...period.startSetBy],
        endSetBy: [...period.endSetBy],
        statement: period.statement,
        notes: period.notes.map(({ code, member, date, message }) => ({ code, member, date, message })),
      },
      members: members.map((member) => ({
        name: member.name,
        command: member.command,
        canonical: member.canonical,
        asked: { start: member.asked.start, end: member.asked.end },
        covered: { start: member.covered.start, end: member.covered.end },
        simulated: { start: member.simulated.start, end: member.simulated.end },
        finalValue: member.finalValue,
        metrics: member.metrics,
        warnings: member.warnings.map(({ code, message }) => ({ code, message })),
        series: {
          dates: member.series.dates,
          value: member.series.value,
          drawdown: member.series.drawdown,
          dailyReturn: member.series.dailyReturn,
        },
      })),
      correlation: {
        commonDates: correlation.commonDates,
        observations: correlation.observations,
        matrix: correlation.matrix.map((row) => [...row]),
      },
      best: best.map(({ metric, direction, members: bestMembers, value }) => ({
        metric,
        direction,
        members: [...bestMembers],
        value,
      })),
    };
  }
}

export class SharedComparisonDto {
  @ApiProperty({ enum: ['comparison'], description: 'what is shared' })
  kind!: 'comparison';

  @ApiProperty({ description: 'when the link was created' })
  sharedAt!: string;

  @ApiProperty({ type: SharedComparisonResultDto })
  comparison!: SharedComparisonResultDto;

  static from(shared: SharedComparison): SharedComparisonDto {
    return {
      kind: 'comparison',
      sharedAt: shared.link.createdAt.toISOString(),
      comparison: SharedComparisonResultDto.from(shared.comparison),
    };
  }
}
