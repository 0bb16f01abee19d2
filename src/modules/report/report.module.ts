import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ComparisonModule } from '../comparison/comparison.module';
import { HistoryModule } from '../history/history.module';
import { MetricsModule } from '../metrics/metrics.module';
import { ComparisonReportController } from './comparison-report.controller';
import { ComparisonWorkbookService } from './comparison-workbook.service';
import { ReportEntity } from './entities/report.entity';
import { ReportCleanupListener } from './report-cleanup.listener';
import { ReportController } from './report.controller';
import { ReportProcessor } from './report.processor';
import { ReportRepository } from './report.repository';
import { ReportService } from './report.service';
import { LocalReportStorage, ReportStorage } from './report-storage';
import { ReportsGateway } from './reports.gateway';
import { TearsheetController } from './tearsheet/tearsheet.controller';
import { TearsheetService } from './tearsheet/tearsheet.service';

/** Reports: POST/GET /report, GET /history/{id}/tearsheet, GET /comparisons/{id}/xlsx, the Bull processor that writes the workbook, the /reports live gateway. */
@Module({
  imports: [TypeOrmModule.forFeature([ReportEntity]), HistoryModule, ComparisonModule, MetricsModule],
  controllers: [ReportController, TearsheetController, ComparisonReportController],
  providers: [
    ReportRepository,
    ReportService,
    ReportProcessor,
    ReportsGateway,
    ReportCleanupListener,
    TearsheetService,
    ComparisonWorkbookService,
    { provide: ReportStorage, useClass: LocalReportStorage },
  ],
  // The tearsheet is rendered for share links too (SharingService checks the link, then asks for it).
  exports: [ReportService, ComparisonWorkbookService, TearsheetService],
})
export class ReportModule {}
