import { counter, gauge, histogram } from '@auction/observability';

export const bidsTotal = counter('bids_total', 'Bids by result: accepted or the refusal code', ['result']);
export const bidProcessingSeconds = histogram(
  'bid_processing_seconds',
  'Time from receiving a bid to its committed answer',
  [0.001, 0.002, 0.005, 0.01, 0.02, 0.03, 0.04, 0.05, 0.075, 0.1, 0.15, 0.25, 0.5],
);
export const bidsBeatenOnViewTotal = counter(
  'bids_beaten_on_view_total',
  "Bids beaten on this replica's view of their lot: refused without a read of it or a turn in its lane",
);
export const bidsAcceptedOnViewTotal = counter(
  'bids_accepted_on_view_total',
  "Bids accepted on this replica's view of their lot as it is now: written without a read of it",
);
export const bidsWrittenElsewhereTotal = counter('bids_written_elsewhere_total', 'Accepted bids that other replicas told this one of');
export const lotsClosedTotal = counter('lots_closed_total', 'Lots closed by outcome', ['outcome']);
export const lotCloseLagSeconds = histogram(
  'lot_close_lag_seconds',
  'Close time minus the lot deadline',
  [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2],
);
export const socketsConnected = gauge('sockets_connected', 'Socket.IO connections open on this process');
export const nominationsTotal = counter('nominations_total', 'Nominations by result: manual, auto or the refusal code', ['result']);
export const nominationTurnSeconds = histogram(
  'nomination_turn_seconds',
  'Time from the start of a nomination turn to its nomination',
  [1, 2, 5, 10, 20, 30, 60, 120, 300],
);
