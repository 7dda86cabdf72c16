import { authService } from '@auction/auth';
import { leaguesService } from '@auction/leagues';
import { auctionService } from '@auction/auction';
import { scoringService } from '@auction/scoring';

/** Every service, hosted together in standalone mode. */
export const ALL_SERVICES = [authService, leaguesService, auctionService, scoringService];
