import 'reflect-metadata';
import { runService } from '@auction/runtime';
import { auctionService } from '@auction/auction';

await runService('auction-engine', auctionService);
