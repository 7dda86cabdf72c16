import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ANN, BOB, asset, snapshot } from '../test/fixtures';
import { SaleCorrections, correctionQuestion } from './SaleCorrections';

afterEach(cleanup);

const sold = { lotId: 'lot-1', asset: asset('Arsenal'), status: 'sold' as const, winnerId: BOB, price: 12, seq: 4 };
const names: Record<string, string> = { [ANN]: 'Alice', [BOB]: 'Bob' };
const nameOf = (userId: string | null) => (userId ? (names[userId] ?? 'a manager') : 'nobody');

describe('correctionQuestion', () => {
  it('names the club, the people and the amounts', () => {
    expect(correctionQuestion({ kind: 'undo', lot: sold }, nameOf)).toBe(
      'Undo the sale of Arsenal to Bob? Bob gets £12m back and the slot is free again.',
    );
    expect(correctionQuestion({ kind: 'reassign', lot: sold, userId: ANN, price: 8 }, nameOf)).toBe(
      'Move Arsenal from Bob (£12m back) to Alice for £8m?',
    );
    expect(correctionQuestion({ kind: 'reassign', lot: sold, userId: BOB, price: 8 }, nameOf)).toBe(
      'Change the price of Arsenal (Bob) from £12m to £8m?',
    );
  });
});

describe('SaleCorrections', () => {
  it('asks before it undoes a sale, and Cancel leaves everything as it was', () => {
    render(<SaleCorrections snapshot={snapshot({ lots: [sold] })} nameOf={nameOf} onSnapshot={() => {}} />);
    fireEvent.change(screen.getByTestId('correction-lot'), { target: { value: 'lot-1' } });
    fireEvent.click(screen.getByTestId('correction-undo'));
    expect(screen.getByTestId('correction-confirm').textContent).toContain('Undo the sale of Arsenal to Bob? Bob gets £12m back');
    fireEvent.click(screen.getByText('Cancel'));
    expect(screen.queryByTestId('correction-confirm')).toBeNull();
  });

  it('shows nothing before a sale', () => {
    render(<SaleCorrections snapshot={snapshot({ lots: [] })} nameOf={nameOf} onSnapshot={() => {}} />);
    expect(screen.queryByTestId('sale-corrections')).toBeNull();
  });
});
