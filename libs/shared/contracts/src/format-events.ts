import type { NominationAnswer, NominationTurnEvent, SocketNomination } from './auction-formats.js';
import type { Ack } from './events.js';

/** Client → server events of SPEC §8, to merge into `ClientToServerEvents`. */
export interface FormatClientToServerEvents {
  'lot:nominate': (payload: SocketNomination, ack: (answer: Ack<NominationAnswer>) => void) => void;
}

/** Server → client events of SPEC §8, to merge into `ServerToClientEvents`. */
export interface FormatServerToClientEvents {
  'nomination:turn': (payload: NominationTurnEvent) => void;
}
