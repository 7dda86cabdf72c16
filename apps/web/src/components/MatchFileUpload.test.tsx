import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { MatchImportReport } from '@auction/contracts';
import { ApiError } from '../api/errors';
import { prepareMatchFile, type PreparedFile } from '../lib/matchFiles';
import { MatchFileUpload } from './MatchFileUpload';

afterEach(cleanup);

const SEASON = 'Div,Date,Time,HomeTeam,AwayTeam,FTHG,FTAG\nE0,16/08/2025,15:00,Man United,Wolves,2,1\n';

const preview: MatchImportReport = {
  format: 'cricsheet-json',
  dryRun: true,
  inserted: 2,
  updated: 0,
  removed: 0,
  errors: [],
  skipped: [
    {
      name: 'MJ Henry',
      registryId: 'a3',
      team: 'New Zealand',
      reason: 'unknown',
      message: 'no player of the catalogue has this name or registry id',
    },
  ],
  preview: {
    matches: [
      {
        externalMatchId: 'cs-2025-10-26-new-zealand-england',
        startsAt: '2025-10-26T00:00:00Z',
        homeTeam: 'New Zealand',
        awayTeam: 'England',
        change: 'new',
        result: null,
      },
    ],
    points: [
      { externalMatchId: 'cs-2025-10-26-new-zealand-england', assetExternalId: 'nz-kane-williamson', name: 'Kane Williamson', points: 25 },
    ],
  },
};

function paste(text: string) {
  fireEvent.change(screen.getByTestId('match-upload-text'), { target: { value: text } });
  fireEvent.click(screen.getByTestId('match-upload-check'));
}

describe('prepareMatchFile', () => {
  it('sends JSON as a Cricsheet file to results, fixtures CSVs to fixtures, other CSVs to results', () => {
    expect(prepareMatchFile('  {"info": {}}')).toMatchObject({ contentType: 'application/json', route: 'results' });
    expect(prepareMatchFile('externalMatchId,startsAt,homeTeam,awayTeam,competition\n')).toMatchObject({
      contentType: 'text/csv',
      route: 'fixtures',
    });
    expect(prepareMatchFile(SEASON)).toMatchObject({ contentType: 'text/csv', route: 'results' });
  });
});

describe('MatchFileUpload', () => {
  it('previews with a dry run (format, matches, points, skipped players) and imports only on confirm', async () => {
    const calls: Array<[PreparedFile, boolean]> = [];
    const send = async (file: PreparedFile, dryRun: boolean) => {
      calls.push([file, dryRun]);
      return dryRun ? preview : { ...preview, dryRun: false, preview: undefined };
    };
    render(<MatchFileUpload send={send} />);
    paste('{"info": {}}');
    expect((await screen.findByTestId('match-upload-format')).textContent).toContain('Recognised: Cricsheet match file');
    expect(screen.getByTestId('preview-matches').textContent).toContain('New Zealand v England');
    expect(screen.getByTestId('preview-points').textContent).toContain('Kane Williamson');
    expect(screen.getByTestId('preview-skipped').textContent).toContain('MJ Henry (New Zealand)');
    expect(calls.map(([, dryRun]) => dryRun)).toEqual([true]);
    fireEvent.click(screen.getByTestId('match-upload-confirm'));
    expect((await screen.findByTestId('match-upload-done')).textContent).toContain('Imported Cricsheet match file: 2 new, 0 updated');
    expect(calls.map(([file, dryRun]) => [file.contentType, dryRun])).toEqual([
      ['application/json', true],
      ['application/json', false],
    ]);
  });

  it('lists the paths of a refused match file and the total when only some are listed', async () => {
    const problem = {
      code: 'CSV_INVALID' as const,
      errors: [{ path: 'innings[0].overs[0].deliveries[0].runs.batter', message: 'Too small' }],
      errorCount: 140,
    };
    const send = async () => {
      throw new ApiError('CSV_INVALID', 422, { problem });
    };
    render(<MatchFileUpload send={send} />);
    paste('{"info": {}}');
    await waitFor(() =>
      expect(screen.getByTestId('match-upload-errors').textContent).toContain('innings[0].overs[0].deliveries[0].runs.batter: Too small'),
    );
    expect(screen.getByTestId('match-upload-errors').textContent).toContain('The first 1 of 140 problems are listed.');
    expect(screen.queryByTestId('match-upload-confirm')).toBeNull();
  });
});
