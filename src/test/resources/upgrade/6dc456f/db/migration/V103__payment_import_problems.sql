-- Why a payment import was refused, one row per problem (file, sheet, row, column, reason), so the job API and
-- page can list them as a table instead of one block of text.
create table payment_import_problem (
    import_id bigint        not null references payment_import (id),
    seq       integer       not null,
    file_name varchar(300),
    sheet     varchar(100),
    row_no    integer       not null,
    col       varchar(200),
    reason    varchar(2000) not null,
    primary key (import_id, seq)
);
