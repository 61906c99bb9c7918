DROP INDEX "customers_next_date_idx";--> statement-breakpoint
DROP INDEX "customers_next_date_desc_idx";--> statement-breakpoint
DROP INDEX "customers_created_at_idx";--> statement-breakpoint
DROP INDEX "customers_updated_at_idx";--> statement-breakpoint
DROP INDEX "customers_next_price_idx";--> statement-breakpoint
DROP INDEX "customers_ltv_idx";--> statement-breakpoint
DROP INDEX "customers_name_idx";--> statement-breakpoint
CREATE INDEX "customers_live_id_idx" ON "customers" USING btree ("id","responsible_user_id") WHERE is_deleted = false;--> statement-breakpoint
CREATE INDEX "customers_live_next_date_idx" ON "customers" USING btree ("next_date","id","responsible_user_id") WHERE is_deleted = false;--> statement-breakpoint
CREATE INDEX "customers_live_next_date_desc_idx" ON "customers" USING btree ("next_date" DESC NULLS LAST,"id" DESC NULLS FIRST,"responsible_user_id") WHERE is_deleted = false;--> statement-breakpoint
CREATE INDEX "customers_live_created_at_idx" ON "customers" USING btree ("created_at","id","responsible_user_id") WHERE is_deleted = false;--> statement-breakpoint
CREATE INDEX "customers_live_updated_at_idx" ON "customers" USING btree ("updated_at","id","responsible_user_id") WHERE is_deleted = false;--> statement-breakpoint
CREATE INDEX "customers_live_next_price_idx" ON "customers" USING btree ("next_price","id","responsible_user_id") WHERE is_deleted = false;--> statement-breakpoint
CREATE INDEX "customers_live_ltv_idx" ON "customers" USING btree ("ltv","id","responsible_user_id") WHERE is_deleted = false;--> statement-breakpoint
CREATE INDEX "customers_live_name_idx" ON "customers" USING btree (lower("name"),"id","name","responsible_user_id") WHERE is_deleted = false;