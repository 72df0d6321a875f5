-- Re-scoring asked for by an import (monitoring listens to intake's RevisionStored event). One row per revision:
-- the primary key makes the run happen once cluster-wide even if the event is delivered twice; the row tells the
-- analyst what became of the request (run id, or why it failed).
create table rescoring_request (
    revision_id  bigint        not null primary key,
    period       varchar(16)   not null,
    requested_by varchar(100)  not null,
    handled_at   timestamp     not null,
    run_id       bigint,
    failure      varchar(1000)
);
