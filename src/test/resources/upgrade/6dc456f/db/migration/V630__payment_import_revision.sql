-- Which revision a payment import created, written in the import's own transaction: after a crash between
-- the revision's commit and the job's final status, start-up recovery still knows the import completed.
create table payment_import_revision (
    import_id   bigint primary key references payment_import (id),
    revision_id bigint not null references fact_revision (id)
);
