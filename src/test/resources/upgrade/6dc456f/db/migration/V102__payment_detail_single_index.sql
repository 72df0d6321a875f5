-- Faster payment imports: the detail table keeps ONE index. Every extra index and the per-row foreign-key
-- check multiplied the cost of writing ten million rows. The key (revision, unit, pillar, line) serves the
-- drill-down directly; which revision is current for a unit-month is answered by the small table
-- payment_unit_month (one row per revision and unit-month, with the foreign key to the revision).
create table payment_unit_month (
    revision_id bigint      not null references fact_revision (id),
    unit_code   varchar(32) not null,
    period      varchar(10) not null,
    row_count   bigint      not null,
    primary key (unit_code, period, revision_id)
);
insert into payment_unit_month (revision_id, unit_code, period, row_count)
select revision_id, unit_code, period, count(*) from payment_detail group by revision_id, unit_code, period;

create table payment_line (
    revision_id   bigint         not null,
    line_no       bigint         not null,
    period        varchar(10)    not null,
    unit_code     varchar(32)    not null,
    pay_date      date           not null,
    amount        numeric(20, 2) not null,
    function_code varchar(32)    not null,
    economic_code varchar(32)    not null,
    project_code  varchar(64),
    agency        varchar(200),
    pillar        varchar(16)    not null,
    primary key (revision_id, unit_code, pillar, line_no)
);
insert into payment_line (revision_id, line_no, period, unit_code, pay_date, amount, function_code, economic_code,
                          project_code, agency, pillar)
select revision_id, line_no, period, unit_code, pay_date, amount, function_code, economic_code, project_code, agency, pillar
from payment_detail;
drop table payment_detail;
alter table payment_line rename to payment_detail;
