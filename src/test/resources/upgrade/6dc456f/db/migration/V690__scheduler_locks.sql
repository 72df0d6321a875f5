-- One row per scheduled job: the instance holding it and until when, so each tick runs once cluster-wide.
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
