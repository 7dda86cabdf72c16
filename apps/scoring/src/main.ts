import 'reflect-metadata';
import { runService } from '@auction/runtime';
import { scoringService } from '@auction/scoring';

await runService('scoring', scoringService);
