-- Console: signed-in users with one role each (and a unit scope for city/county users), and the
-- hash chain that makes the audit trail tamper-evident. Portable SQL for H2 2.x and PostgreSQL 15+.

create table app_user (
    username       varchar(64)  primary key,
    display_name   varchar(100) not null,
    password_hash  varchar(200) not null,
    role_code      varchar(32),
    scope_unit     varchar(32),
    enabled        boolean      not null,
    must_change    boolean      not null,
    failed_count   integer      not null,
    locked_until   timestamp,
    password_changed_at timestamp,
    created_by     varchar(64)  not null,
    created_at     timestamp    not null
);

-- Each audit record carries the hash of the previous one; hash = SHA-256 over its own fields and prev_hash.
alter table audit_event add column prev_hash varchar(64);
alter table audit_event add column hash varchar(64);

-- One row: the newest chained record. Writers lock it (select ... for update) so the chain never forks.
create table audit_chain_head (
    id        integer primary key,
    last_id   bigint,
    last_hash varchar(64)
);
insert into audit_chain_head (id, last_id, last_hash) values (1, null, null);
