-- 支出约束监测: switches an analyst turns on or off (the 两个支出优先 warning rule is off until switched on).
create table discipline_setting (
    name       varchar(64) primary key,
    enabled    boolean     not null,
    updated_by varchar(64) not null,
    updated_at timestamp   not null
);
