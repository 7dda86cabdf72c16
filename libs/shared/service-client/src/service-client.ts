import { Global, Inject, Injectable, Module } from '@nestjs/common';
import { DomainError, ERROR_STATUS, type ErrorCode, type Problem } from '@auction/contracts';
import type { AppConfig, ServiceUrls } from '@auction/config';
import { signServiceToken } from '@auction/auth-guard';
import { APP_CONFIG } from '@auction/platform';

const TIMEOUT_MS = 3000;

/** Calls another service's `/internal` routes; refusals come back as the same DomainError. */
@Injectable()
export class ServiceClient {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async call<T>(service: keyof ServiceUrls, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const response = await this.send(service, method, path, body);
    if (response.status === 204) return undefined as T;
    const payload: unknown = await response.json().catch(() => null);
    if (response.ok) return payload as T;
    throw toDomainError(payload, response.status);
  }

  private async send(service: keyof ServiceUrls, method: string, path: string, body: unknown): Promise<Response> {
    try {
      return await fetch(`${this.config.serviceUrls[service]}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${signServiceToken(this.config.jwtSecret, this.config.service)}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch {
      throw new DomainError('SERVICE_UNAVAILABLE', `The ${service} service is not reachable; please try again.`);
    }
  }
}

function toDomainError(payload: unknown, status: number): DomainError {
  const problem = payload as Partial<Problem> | null;
  const code =
    problem?.code && problem.code in ERROR_STATUS ? (problem.code as ErrorCode) : status >= 500 ? 'SERVICE_UNAVAILABLE' : 'INTERNAL';
  return new DomainError(code, problem?.detail ?? 'Request failed.', { errors: problem?.errors });
}

@Global()
@Module({ providers: [ServiceClient], exports: [ServiceClient] })
export class ServiceClientModule {}
