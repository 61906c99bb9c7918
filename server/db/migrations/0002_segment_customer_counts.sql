ALTER TABLE "segments" ADD COLUMN "customers_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "customers_deleted_idx" ON "customers" USING btree ("id") WHERE "customers"."is_deleted";--> statement-breakpoint
-- segments.customers_count: live customers per segment, kept by the triggers below so the
-- segments list need not count customer_segments against the wide customers table per request.
--
-- A link counts when its customer is not deleted. "Deleted" is asked through the partial index
-- above (NOT EXISTS a deleted customer), so a link whose customer is already gone (the cascade
-- of a hard delete) counts as live: a deleted customer's links are dropped before it goes.
--
-- Concurrency (PostgreSQL at READ COMMITTED, the app's level; PGlite runs one transaction at a
-- time): a trigger with something to count takes one transaction-level advisory lock before it
-- reads links or customers, so the upkeep of concurrent transactions runs one after another and
-- each sees the upkeep committed before it. Without it a link added while another transaction
-- deletes its customer could be counted by neither or both, and two transactions moving
-- customers between the same segments in opposite directions deadlock on the segments' rows
-- (a 12-connection race of the app's write pattern: a dozen deadlocks in 8 s without the lock,
-- none in ~3,900 transactions with it, counts exact). The price: membership writes queue.
-- 1936027507 is this lock's key; nothing else uses advisory locks.
CREATE FUNCTION "segment_counts_links_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT FROM new_links) THEN
    RETURN NULL;
  END IF;
  PERFORM pg_advisory_xact_lock(1936027507);
  UPDATE segments s
  SET customers_count = s.customers_count + d.n
  FROM (
    SELECT l.segment_id, count(*)::integer AS n
    FROM new_links l
    WHERE NOT EXISTS (SELECT FROM customers c WHERE c.id = l.customer_id AND c.is_deleted)
    GROUP BY l.segment_id
  ) d
  WHERE s.id = d.segment_id;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION "segment_counts_links_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Links removed by a segment's own delete (the cascade) leave nothing to count. (The array
  -- keeps the plan linear: the planner guesses transition tables' sizes.)
  IF NOT EXISTS (
    SELECT FROM segments WHERE id = ANY (ARRAY(SELECT DISTINCT segment_id FROM old_links))
  ) THEN
    RETURN NULL;
  END IF;
  PERFORM pg_advisory_xact_lock(1936027507);
  UPDATE segments s
  SET customers_count = s.customers_count - d.n
  FROM (
    SELECT l.segment_id, count(*)::integer AS n
    FROM old_links l
    WHERE NOT EXISTS (SELECT FROM customers c WHERE c.id = l.customer_id AND c.is_deleted)
    GROUP BY l.segment_id
  ) d
  WHERE s.id = d.segment_id;
  RETURN NULL;
END
$$;--> statement-breakpoint
-- The app only inserts and deletes links; an UPDATE of one is a delete plus an insert.
CREATE FUNCTION "segment_counts_links_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(1936027507);
  UPDATE segments s
  SET customers_count = s.customers_count + d.n
  FROM (
    SELECT l.segment_id, sum(l.sign)::integer AS n
    FROM (
      SELECT segment_id, customer_id, -1 AS sign FROM old_links
      UNION ALL
      SELECT segment_id, customer_id, 1 AS sign FROM new_links
    ) l
    WHERE NOT EXISTS (SELECT FROM customers c WHERE c.id = l.customer_id AND c.is_deleted)
    GROUP BY l.segment_id
  ) d
  WHERE s.id = d.segment_id AND d.n <> 0;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION "segment_counts_links_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(1936027507);
  UPDATE segments SET customers_count = 0 WHERE customers_count <> 0;
  RETURN NULL;
END
$$;--> statement-breakpoint
-- Transition tables rule out `UPDATE OF is_deleted`, so this runs for every customers UPDATE
-- statement. Only a customer deleted before or after the statement can have changed, and there
-- are usually none: then it returns after a scan of each transition table, without the lock.
-- (Joining the two transition tables instead is planned as a nested loop: quadratic.)
CREATE FUNCTION "segment_counts_customers_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT FROM new_customers WHERE is_deleted)
    AND NOT EXISTS (SELECT FROM old_customers WHERE is_deleted) THEN
    RETURN NULL;
  END IF;
  PERFORM pg_advisory_xact_lock(1936027507);
  UPDATE segments s
  SET customers_count = s.customers_count - d.n
  FROM (
    SELECT l.segment_id, sum(f.deleted)::integer AS n
    FROM (
      -- 1: deleted by this statement, -1: restored by it, 0 (left out): unchanged.
      SELECT id, sum(sign) AS deleted
      FROM (
        SELECT id, 1 AS sign FROM new_customers WHERE is_deleted
        UNION ALL
        SELECT id, -1 AS sign FROM old_customers WHERE is_deleted
      ) x
      GROUP BY id
      HAVING sum(sign) <> 0
    ) f
    JOIN customer_segments l ON l.customer_id = f.id
    GROUP BY l.segment_id
  ) d
  WHERE s.id = d.segment_id AND d.n <> 0;
  RETURN NULL;
END
$$;--> statement-breakpoint
-- A deleted customer's links go before the customer does, while it still reads as deleted, so
-- the cascade (which counts links of vanished customers as live) never sees them.
CREATE FUNCTION "segment_counts_deleted_customer_purged"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM customer_segments WHERE customer_id = OLD.id;
  RETURN OLD;
END
$$;--> statement-breakpoint
CREATE TRIGGER "customer_segments_count_insert" AFTER INSERT ON "customer_segments"
  REFERENCING NEW TABLE AS new_links
  FOR EACH STATEMENT EXECUTE FUNCTION "segment_counts_links_inserted"();--> statement-breakpoint
CREATE TRIGGER "customer_segments_count_delete" AFTER DELETE ON "customer_segments"
  REFERENCING OLD TABLE AS old_links
  FOR EACH STATEMENT EXECUTE FUNCTION "segment_counts_links_deleted"();--> statement-breakpoint
CREATE TRIGGER "customer_segments_count_update" AFTER UPDATE ON "customer_segments"
  REFERENCING OLD TABLE AS old_links NEW TABLE AS new_links
  FOR EACH STATEMENT EXECUTE FUNCTION "segment_counts_links_updated"();--> statement-breakpoint
CREATE TRIGGER "customer_segments_count_truncate" AFTER TRUNCATE ON "customer_segments"
  FOR EACH STATEMENT EXECUTE FUNCTION "segment_counts_links_truncated"();--> statement-breakpoint
CREATE TRIGGER "customers_segment_count_update" AFTER UPDATE ON "customers"
  REFERENCING OLD TABLE AS old_customers NEW TABLE AS new_customers
  FOR EACH STATEMENT EXECUTE FUNCTION "segment_counts_customers_updated"();--> statement-breakpoint
CREATE TRIGGER "customers_segment_count_purge" BEFORE DELETE ON "customers"
  FOR EACH ROW WHEN (OLD.is_deleted) EXECUTE FUNCTION "segment_counts_deleted_customer_purged"();--> statement-breakpoint
-- Counts for the links that exist already.
UPDATE "segments" s
SET "customers_count" = d.n
FROM (
  SELECT l.segment_id, count(*)::integer AS n
  FROM "customer_segments" l
  WHERE NOT EXISTS (SELECT FROM "customers" c WHERE c.id = l.customer_id AND c.is_deleted)
  GROUP BY l.segment_id
) d
WHERE s.id = d.segment_id;
