import type { TestProject } from 'vitest/node';
import { connectDatabase, setUpData } from '@auction/db';
import { adminQuery, createTestDatabase } from '@auction/testing';
import { ALL_SERVICES } from '../apps/standalone/src/services.js';

/** Migrates one template database per run; each test stack copies it (CREATE DATABASE … TEMPLATE). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const template = await createTestDatabase();
  const { pool, db } = connectDatabase(template.url, { max: 1 });
  await setUpData(
    db,
    ALL_SERVICES.map((s) => s.data),
  );
  await pool.end();
  await adminQuery(`alter database ${template.name} with is_template true`);
  project.provide('templateDatabase', template.name);
  return async () => {
    await adminQuery(`alter database ${template.name} with is_template false`);
    await template.drop();
  };
}
