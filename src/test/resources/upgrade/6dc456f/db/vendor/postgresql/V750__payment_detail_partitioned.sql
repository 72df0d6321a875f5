-- Payment detail partitioned by month (PostgreSQL only; H2 keeps the plain table, see db/vendor/h2/V750).
-- Each month is its own table with its own primary-key index: importing month 12 costs what month 1 cost, and an
-- old month is detached and archived as one table (docs/scale.md). The key gains the partition column (period);
-- unit_code stays in it, the distribution key on Citus. Existing rows are carried over, one partition per month
-- found; months without partition (created on import, see cn.sanbao.intake.PaymentPartitions) land in the default.
alter table payment_detail rename to payment_detail_unpartitioned;

create table payment_detail (
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
    constraint payment_detail_pkey primary key (revision_id, unit_code, pillar, line_no, period)
) partition by list (period);

create table payment_detail_default partition of payment_detail default;

do $$
declare
    p text;
begin
    for p in select distinct period from payment_detail_unpartitioned where period ~ '^[0-9]{4}-[0-9]{2}$' order by 1 loop
        execute format('create table %I partition of payment_detail for values in (%L)',
                       'payment_detail_' || replace(p, '-', '_'), p);
    end loop;
end $$;

insert into payment_detail (revision_id, line_no, period, unit_code, pay_date, amount, function_code, economic_code,
                            project_code, agency, pillar)
select revision_id, line_no, period, unit_code, pay_date, amount, function_code, economic_code, project_code, agency, pillar
from payment_detail_unpartitioned;

drop table payment_detail_unpartitioned;
