import { Inject, Injectable } from '@nestjs/common';
import type { Database, DatabaseHandle } from '@auction/db';
import { DATABASE } from '@auction/platform';

/** Runs work in one PostgreSQL transaction; repositories take the handle it passes. */
@Injectable()
export class UnitOfWork {
  constructor(@Inject(DATABASE) private readonly database: DatabaseHandle) {}

  run<T>(work: (db: Database) => Promise<T>): Promise<T> {
    return this.database.db.transaction(work);
  }
}
