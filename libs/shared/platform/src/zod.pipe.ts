import { applyDecorators, type PipeTransform } from '@nestjs/common';
import { ApiBody, ApiQuery } from '@nestjs/swagger';
import { z, type ZodType } from 'zod';
import { DomainError } from '@auction/contracts';
import { zodErrors } from './problem.filter.js';

/** Validates a body or query with a contracts schema; unknown fields are refused by strict schemas. */
export class ZodPipe<T extends ZodType> implements PipeTransform<unknown, z.infer<T>> {
  constructor(private readonly schema: T) {}

  transform(value: unknown): z.infer<T> {
    const parsed = this.schema.safeParse(value ?? {});
    if (!parsed.success) {
      throw new DomainError('VALIDATION_FAILED', 'The request is not valid.', { errors: zodErrors(parsed.error) });
    }
    return parsed.data;
  }
}

/** Documents a zod-validated JSON body in the service's OpenAPI document. */
export function ApiZodBody(schema: ZodType): MethodDecorator {
  return applyDecorators(ApiBody({ schema: jsonSchema(schema, 'input') as object }));
}

export function ApiZodQuery(schema: z.ZodObject): MethodDecorator {
  const properties = Object.keys(schema.shape);
  return applyDecorators(...properties.map((name) => ApiQuery({ name, required: false })));
}

function jsonSchema(schema: ZodType, io: 'input' | 'output'): unknown {
  try {
    const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
    return rest;
  } catch {
    return { type: 'object' };
  }
}
