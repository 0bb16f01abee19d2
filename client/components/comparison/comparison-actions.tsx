'use client';

import { SubjectShareActions } from '../sharing/share-actions';
import type { ComparisonDetail } from './comparison-data';
import { DownloadComparisonWorkbook } from './download-comparison-workbook';

/** Every member's command, one per line: what "Copy command" and "Open in my workspace" hand to the editor. */
export const memberCommands = (members: readonly { command: string }[]): string =>
  members.map((member) => member.command).join('\n');

/**
 * The owner's actions on a completed comparison: download its workbook, share it (create, list, revoke links),
 * copy its commands.
 */
export function ComparisonActions({ detail }: { detail: ComparisonDetail }) {
  if (detail.status !== 'completed') return null;
  return (
    <>
      <DownloadComparisonWorkbook comparisonId={detail.comparisonId} />
      <SubjectShareActions
        subject={{ kind: 'comparison', id: detail.comparisonId }}
        command={memberCommands(detail.members)}
        shareable
      />
    </>
  );
}
