import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import { exportFileName } from '../lib/csv';
import { DownloadButton } from './DownloadButton';

afterEach(cleanup);

function textOf(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
}

describe('DownloadButton', () => {
  it('saves the text the server wrote under the file name', async () => {
    const saved: Blob[] = [];
    // jsdom has no object URLs: keep the blob the page would hand to the browser.
    Object.assign(URL, { createObjectURL: (blob: Blob) => (saved.push(blob), 'blob:export'), revokeObjectURL: () => {} });
    const names: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    render(
      <DownloadButton fileName="spring-results.csv" fetchFile={async () => "lotId,winner\r\nl1,'=cmd\r\n"} testId="results-download" />,
    );
    fireEvent.click(screen.getByTestId('results-download'));
    await vi.waitFor(() => expect(names).toEqual(['spring-results.csv']));
    expect(await textOf(saved[0]!)).toBe("lotId,winner\r\nl1,'=cmd\r\n");
    click.mockRestore();
  });

  it('says why when the server refuses the file', async () => {
    render(
      <DownloadButton fileName="x.csv" fetchFile={() => Promise.reject(new ApiError('NOT_A_MEMBER', 403))} testId="leaderboard-download" />,
    );
    fireEvent.click(screen.getByTestId('leaderboard-download'));
    expect((await screen.findByTestId('leaderboard-download-error')).textContent).not.toBe('');
  });
});

describe('exportFileName', () => {
  it('names the file after the league', () => {
    expect(exportFileName('Spring League 2026!', 'leaderboard')).toBe('spring-league-2026--leaderboard.csv');
    expect(exportFileName(undefined, 'results')).toBe('results-results.csv');
  });
});
