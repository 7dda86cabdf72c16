import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CsvErrors, linesWithErrors } from './CsvErrors';

afterEach(cleanup);

const CSV = [
  'externalMatchId,startsAt,homeTeam,awayTeam,competition',
  'm1,2026-08-15T15:00:00Z,Arsenal,Chelsea,EPL',
  'm2,not-a-date,Arsnal,Chelsea,EPL',
  'm3,2026-08-16T15:00:00Z,Spurs,Everton,EPL',
  'm4,2026-08-17,Leeds,,EPL',
].join('\n');

describe('CsvErrors', () => {
  it('groups messages by line, sorted, with the text of that line (header = line 1)', () => {
    const reports = linesWithErrors(
      [
        { line: 5, message: 'awayTeam is required' },
        { line: 3, message: 'startsAt must be ISO 8601 with a zone' },
        { line: 3, message: 'Unknown team “Arsnal”' },
      ],
      CSV,
    );
    expect(reports).toEqual([
      { line: 3, text: 'm2,not-a-date,Arsnal,Chelsea,EPL', messages: ['startsAt must be ISO 8601 with a zone', 'Unknown team “Arsnal”'] },
      { line: 5, text: 'm4,2026-08-17,Leeds,,EPL', messages: ['awayTeam is required'] },
    ]);
  });

  it('shows every bad line next to its content and says nothing was saved', () => {
    render(
      <CsvErrors
        csv={CSV}
        errors={[
          { line: 3, message: 'Unknown team “Arsnal”' },
          { line: 5, message: 'awayTeam is required' },
        ]}
      />,
    );
    const view = screen.getByTestId('csv-errors');
    expect(view).toHaveProperty('role', 'alert');
    expect(within(view).getByText(/2 lines need fixing — nothing was saved/)).toBeTruthy();
    const line3 = screen.getByTestId('csv-error-line-3');
    expect(within(line3).getByText('Line 3')).toBeTruthy();
    expect(within(line3).getByText('m2,not-a-date,Arsnal,Chelsea,EPL')).toBeTruthy();
    expect(within(line3).getByText('Unknown team “Arsnal”')).toBeTruthy();
    expect(within(screen.getByTestId('csv-error-line-5')).getByText('awayTeam is required')).toBeTruthy();
    expect(screen.queryByTestId('csv-error-line-2')).toBeNull();
  });

  it('works without the file text (line numbers and messages only)', () => {
    render(<CsvErrors errors={[{ line: 2, message: 'Bad email' }]} />);
    expect(within(screen.getByTestId('csv-error-line-2')).getByText('Bad email')).toBeTruthy();
    expect(screen.getByText(/1 line needs fixing/)).toBeTruthy();
  });

  it('renders nothing when there are no errors', () => {
    const { container } = render(<CsvErrors errors={[]} csv={CSV} />);
    expect(container.innerHTML).toBe('');
  });
});
