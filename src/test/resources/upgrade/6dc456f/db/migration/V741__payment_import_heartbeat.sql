-- With several instances, a payment import is settled as abandoned only when the instance running it has stopped
-- renewing this time (docs/operations.md), not merely because another instance started.
alter table payment_import add column heartbeat_at timestamp;
