DROP INDEX "registrations_sort_idx";--> statement-breakpoint
CREATE INDEX "registrations_sort_c_idx" ON "registrations" USING btree ("event_id",("sort_key" collate "C"),"id");