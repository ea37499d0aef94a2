import { eq, sql } from 'drizzle-orm';
import { cases } from '../../../db/schema';
import { prepared } from '../../../db/prepared';
import type { ServiceContext } from '../context';

const rowOf = prepared((db) => db.select().from(cases).where(eq(cases.id, sql.placeholder('id'))).prepare());

/** A case's stored row (every column), through one prepared query; inside a transaction it sees its writes. */
export function readCaseRow(ctx: ServiceContext, id: number): typeof cases.$inferSelect | undefined {
  return rowOf(ctx.db).get({ id });
}
