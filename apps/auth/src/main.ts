import 'reflect-metadata';
import { runService } from '@auction/runtime';
import { authService } from '@auction/auth';

await runService('auth', authService);
