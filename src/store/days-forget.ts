/**
 * Migration 8: the daily counts (`event_days`, migration 4) forget a deleted event, as the dyad rollup does
 * (dyad-rollup.ts), so deleting a document (its events cascade) and saving it again leaves the timeline exact.
 * Counts are exact; the tone sum is a float, so after a delete it can differ from a fresh sum in its last bits.
 */

/** The trigger body: take the deleted events row `OLD` (dated) off its day row; `flag` turns a boolean into 0/1. */
function forgetSql(flag: (b: string) => string): string {
  const match = 'day = OLD.date AND type = OLD.type AND quad = OLD.quad';
  return `  UPDATE event_days SET n = n - 1, tone_sum = tone_sum - coalesce(OLD.tone, 0),
    tone_n = tone_n - ${flag('OLD.tone IS NOT NULL')} WHERE ${match};
  DELETE FROM event_days WHERE n <= 0 AND ${match};`;
}

/** SQLite migration 8. */
export const SQLITE_DAYS_FORGET = `CREATE TRIGGER events_days_forget AFTER DELETE ON events WHEN OLD.date IS NOT NULL BEGIN
${forgetSql((b) => `(${b})`)}
END;`;

/** Postgres migration 8. */
export const PG_DAYS_FORGET = `CREATE FUNCTION events_days_forget() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.date IS NOT NULL THEN
${forgetSql((b) => `(${b})::int`)}
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER events_days_forget AFTER DELETE ON events FOR EACH ROW EXECUTE FUNCTION events_days_forget();`;
