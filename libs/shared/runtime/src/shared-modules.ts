import { AuthGuardModule } from '@auction/auth-guard';
import { RateLimitModule } from '@auction/rate-limit';
import { RealtimeModule } from '@auction/realtime';
import { ServiceClientModule } from '@auction/service-client';

/** Modules every service process imports besides its own features. */
export const SHARED_MODULES = [AuthGuardModule, RateLimitModule, ServiceClientModule, RealtimeModule];
