import { Global, Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { JwtStrategy } from './jwt.strategy.js';
import { AccessGuard, ServiceGuard } from './guards.js';

@Global()
@Module({
  imports: [PassportModule],
  providers: [JwtStrategy, AccessGuard, ServiceGuard],
  exports: [AccessGuard, ServiceGuard],
})
export class AuthGuardModule {}
