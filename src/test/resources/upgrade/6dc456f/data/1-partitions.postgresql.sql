-- PostgreSQL: one partition per imported month, as cn.sanbao.intake.PaymentPartitions creates them on import;
-- 2021-05 has none, so its rows land in payment_detail_default.
create table payment_detail_2021_03 partition of payment_detail for values in ('2021-03');
create table payment_detail_2021_04 partition of payment_detail for values in ('2021-04');
