-- A budget-system (预算管理一体化) database as the connectors see it: the source's own unit codes (DW + code),
-- period-end figures per table, vouchers. Filled by BudgetSystemFixture from the demo year.
create table ysgl_zbxx (          -- 指标/预算：年度计划与预算指标
    dwdm  varchar(32)   not null, -- 单位代码（本系统自己的编码）
    nd    integer       not null, -- 年度
    zbdm  varchar(64)   not null, -- 指标代码
    je    numeric(20,2) not null, -- 金额（元）；人数为人
    primary key (dwdm, nd, zbdm));
create table gk_kkqj (            -- 国库库款（按报告期汇总的日报）
    dwdm varchar(32) not null, qj varchar(16) not null,
    kkye numeric(20,2), kklr numeric(20,2), kklc numeric(20,2),
    primary key (dwdm, qj));
create table gk_kkrb (            -- 国库库款日报：每日日终余额
    dwdm varchar(32) not null, rq date not null, kkye numeric(20,2) not null,
    primary key (dwdm, rq));
create table zf_zcjd (            -- 支出进度（由支付凭证汇总的三保累计支出）
    dwdm varchar(32) not null, qj varchar(16) not null,
    bgz numeric(20,2), byz numeric(20,2), bms numeric(20,2), qtgx numeric(20,2),
    primary key (dwdm, qj));
create table bw_ryqk (            -- 编外人员情况
    dwdm varchar(32) not null, qj varchar(16) not null, rs numeric(12,0),
    primary key (dwdm, qj));
create table zw_zwqk (            -- 债务情况
    dwdm varchar(32) not null, qj varchar(16) not null,
    yhbx numeric(20,2), yhbx_yh numeric(20,2), ychj numeric(20,2),
    primary key (dwdm, qj));
create table jc_qtsj (            -- 其他监测数据（收入进度、暂付款、拖欠）
    dwdm varchar(32) not null, qj varchar(16) not null, xmdm varchar(64) not null, sz numeric(20,2) not null,
    primary key (dwdm, qj, xmdm));
create table zf_zfpz (            -- 支付凭证
    pzid  bigint        not null primary key, -- 凭证号（递增）
    dwdm  varchar(32)   not null,
    zfrq  date          not null,             -- 支付日期
    je    numeric(18,2) not null,             -- 金额（元），负数为冲销
    gnkm  varchar(16)   not null,             -- 支出功能分类
    jjkm  varchar(16)   not null,             -- 支出经济分类
    xmdm  varchar(64),                        -- 项目代码
    ysdw  varchar(100));                      -- 预算单位
