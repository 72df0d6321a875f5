-- Incremental payment extracts by voucher id: a payment query that maps watermark=<voucher id column> reads only the
-- vouchers after watermark_id and adds them to the rows the platform already holds for that month (watermark_revision,
-- month watermark_period), instead of re-reading the whole month from the budget system.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15+.
alter table connector_query add column watermark_id bigint;
alter table connector_query add column watermark_revision bigint;
alter table connector_query add column watermark_period varchar(10);
