-- Sign-in throttle token buckets shared by every instance (docs/security.md, 登录限流): one row per account
-- ("u:" + name) or client address ("a:" + address). refilled_at is the application clock in epoch milliseconds.
-- A missing row is a full bucket, so idle rows are deleted freely (purge job and size cap).
create table login_throttle (
    bucket_key  varchar(200)     not null primary key,
    tokens      double precision not null,
    refilled_at bigint           not null
);
create index login_throttle_refilled on login_throttle (refilled_at);
