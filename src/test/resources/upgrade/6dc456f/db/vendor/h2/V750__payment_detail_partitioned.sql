-- H2 keeps payment_detail as one table; on PostgreSQL V750 partitions it by month (db/vendor/postgresql).
-- This version exists so both databases report the same schema version.
select 1;
