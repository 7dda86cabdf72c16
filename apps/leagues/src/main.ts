import 'reflect-metadata';
import { runService } from '@auction/runtime';
import { leaguesService } from '@auction/leagues';

await runService('leagues', leaguesService);
