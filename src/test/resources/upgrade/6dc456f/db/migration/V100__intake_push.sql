-- Data intake: idempotency keys of the push API. A retry with the same key returns the stored outcome.
create table intake_push (
    idempotency_key varchar(128) primary key,
    request_hash    varchar(64)  not null,
    revision_id     bigint references fact_revision (id),
    duplicate_of    bigint references fact_revision (id),
    period          varchar(10)  not null,
    value_count     integer      not null,
    created_by      varchar(64)  not null,
    created_at      timestamp    not null
);
