-- Data as release 6dc456f wrote it (both databases). Identity columns are left to the database, so the rows get
-- ids 1, 2, ... in insertion order (warning_letter_template already holds id 1 from V300).

insert into fiscal_unit (code, name, kind, parent_code, gb2260, sort_order) values
 ('640000', '宁夏回族自治区', 'REGION', null, true, 0),
 ('640100', '银川市', 'CITY', '640000', true, 100),
 ('640400', '固原市', 'CITY', '640000', true, 400),
 ('640422', '西吉县', 'COUNTY', '640400', true, 402);

insert into data_item (code, name, unit, nature, frequency, non_negative, description) values
 ('paid_wage', '保工资累计支出', 'YUAN', 'TO_DATE', 'MONTHLY_WEEKLY', true, '年初至期末保工资实际支出'),
 ('cash_balance', '国库库款余额', 'YUAN', 'BALANCE', 'MONTHLY_WEEKLY', false, null);

insert into fact_revision (source, label, content_hash, row_count, created_by, created_at) values
 ('UPLOAD', '2021年3月报表.xlsx', 'a1b2c3', 3, 'analyst', timestamp '2021-04-01 09:05:00.250'),
 ('PAYMENT', '支付明细 2021-03', null, 2, 'analyst', timestamp '2021-04-03 08:00:00');
insert into fact (revision_id, unit_code, period, item_code, amount) values
 (1, '640422', '2021-03', 'paid_wage', 12345678.90),
 (1, '640422', '2021-03', 'cash_balance', 98765432.10),
 (1, '640100', '2021-03', 'paid_wage', 0.01),
 (2, '640422', '2021-03', 'paid_wage', 12345679.00);

insert into intake_push (idempotency_key, request_hash, revision_id, duplicate_of, period, value_count, created_by, created_at)
values ('push-2021-03-01', 'ffee', 1, null, '2021-03', 3, 'api:预算一体化', timestamp '2021-04-01 09:05:00');

insert into model_version (code, version, name, effective_from, source_yaml, status, reason, created_by, created_at,
                           published_by, published_at, submitted_by, submitted_at, review_note) values
 ('sanbao', 1, '三保运行监测模型', '2021-01', 'code: sanbao
version: 1', 'PUBLISHED', '首版', 'analyst', timestamp '2021-01-05 10:00:00',
  'leader', timestamp '2021-01-06 10:00:00', 'analyst', timestamp '2021-01-05 11:00:00', '同意');

insert into scoring_run (period, period_type, model_version_id, as_of_revision, unit_count, started_by, started_at, finished_at, note)
values ('2021-03', 'MONTH', 1, 2, 2, 'analyst', timestamp '2021-04-02 10:00:00', timestamp '2021-04-02 10:00:03', '月度评分');
insert into unit_result (run_id, unit_code, total, grade, status, overrides, missing, explanation) values
 (1, '640422', 58.50, 'ORANGE', 'SCORED', null, 'treasury_ratio', '库款保障水平低于安全线'),
 (1, '640100', 91.00, 'GREEN', 'SCORED', null, null, '正常');
insert into indicator_result (run_id, unit_code, indicator_code, group_code, indicator_value, points, max_points, band, status) values
 (1, '640422', 'wage_ratio', 'wage', 0.954321, 18.50, 20.00, '0.95-1', 'SCORED'),
 (1, '640100', 'wage_ratio', 'wage', 1.000000, 20.00, 20.00, '>=1', 'SCORED');

insert into audit_event (occurred_at, actor, action, target, detail, remote_addr, prev_hash, hash, key_id) values
 (timestamp '2021-04-01 09:00:00', 'admin', 'LOGIN', null, null, '10.0.0.1', null,
  '16b6c9b809dd3b2908cfbd4638d83a103c50b19a43121c0649d338aa1f5629a3', '9e574a8aeef9'),
 (timestamp '2021-04-01 09:05:00.250', 'analyst', 'IMPORT_FACTS', 'fact_revision:1', '导入 3 行', '10.0.0.2',
  '16b6c9b809dd3b2908cfbd4638d83a103c50b19a43121c0649d338aa1f5629a3',
  'e190fa0fe96e3c7f13df247c66688458445f1adad0521c8223332a12bd6e876e', '9e574a8aeef9'),
 (timestamp '2021-04-02 15:30:00', 'leader', 'PUBLISH_WARNINGS', '2021-03', '发布预警 1 条', null,
  'e190fa0fe96e3c7f13df247c66688458445f1adad0521c8223332a12bd6e876e',
  '881a5e5ea10598fc50c66aaa1daa9042fa3c0b77f14c63eedb5e80012307bdfb', '9e574a8aeef9');
update audit_chain_head set last_id = 3, last_hash = '881a5e5ea10598fc50c66aaa1daa9042fa3c0b77f14c63eedb5e80012307bdfb',
       scheme = 'HMAC1', key_id = '9e574a8aeef9' where id = 1;

insert into app_user (username, display_name, password_hash, role_code, scope_unit, enabled, must_change, failed_count,
                      locked_until, password_changed_at, created_by, created_at) values
 ('admin', '系统管理员', '{bcrypt}$2a$10$abcdefghijklmnopqrstuv', 'ADMIN', null, true, false, 0, null,
  timestamp '2021-01-01 08:00:00', 'system', timestamp '2021-01-01 08:00:00'),
 ('xiji', '西吉县财政局', '{bcrypt}$2a$10$vutsrqponmlkjihgfedcba', 'LOCAL', '640422', true, true, 2,
  timestamp '2021-04-01 10:00:00', null, 'admin', timestamp '2021-01-02 08:00:00');
insert into api_token (name, token_hash, role_code, scope_unit, expires_at, created_by, created_at, revoked_by, revoked_at, last_used_at)
values ('预算一体化', 'aa11', 'PUSH', null, timestamp '2022-01-01 00:00:00', 'admin', timestamp '2021-01-03 08:00:00', null, null,
        timestamp '2021-04-01 09:05:00');
insert into privileged_request (action, target, new_role, new_scope, password_hash, requested_by, requester_role, requested_at,
                                status, decided_by, decided_at)
values ('GRANT_ROLE', 'xiji', 'LOCAL', '640422', null, 'admin', 'ADMIN', timestamp '2021-01-02 08:00:00', 'APPROVED', 'security',
        timestamp '2021-01-02 09:00:00');

insert into pillar_mapping_version (version, note, created_by, created_at)
values (1, '默认映射', 'analyst', timestamp '2021-01-10 08:00:00');
insert into pillar_mapping_rule (version_id, code_kind, prefix, pillar, priority, name) values
 (1, 'ECONOMIC', '301', 'WAGE', 10, '工资福利支出'),
 (1, 'FUNCTION', '208', 'LIVELIHOOD', 20, '社会保障和就业支出');
insert into payment_import (file_name, period, status, phase, rows_done, revision_id, mapping_version_id, message, created_by,
                            started_at, finished_at, heartbeat_at)
values ('支付明细-2021-03.csv', '2021-03', 'DONE', 'FINISHED', 4, 2, 1, null, 'analyst', timestamp '2021-04-03 08:00:00',
        timestamp '2021-04-03 08:01:00', timestamp '2021-04-03 08:01:00');
insert into payment_detail (revision_id, line_no, period, unit_code, pay_date, amount, function_code, economic_code,
                            project_code, agency, pillar) values
 (2, 1, '2021-03', '640422', date '2021-03-05', 1000000.00, '2080501', '30101', 'P001', '西吉县教育局', 'WAGE'),
 (2, 2, '2021-03', '640422', date '2021-03-25', 2345.67, '2080201', '30201', null, null, 'LIVELIHOOD'),
 (2, 3, '2021-04', '640422', date '2021-04-02', 88.00, '2010101', '30201', null, '西吉县财政局', 'OPERATION'),
 (2, 4, '2021-05', '640100', date '2021-05-01', 1.00, '2010101', '30101', null, null, 'WAGE');
insert into payment_unit_month (revision_id, unit_code, period, row_count) values
 (2, '640422', '2021-03', 2), (2, '640422', '2021-04', 1), (2, '640100', '2021-05', 1);
insert into payment_unclassified (revision_id, function_code, economic_code, row_count, amount)
values (2, '2290999', '39999', 1, 10.50);
insert into payment_import_problem (import_id, seq, file_name, sheet, row_no, col, reason)
values (1, 1, '支付明细-2021-03.csv', null, 17, '金额', '金额不是数字：“一百”');
insert into payment_import_revision (import_id, revision_id) values (1, 2);

insert into warning_contact (unit_code, role, name, title, phone, wechat_key, email, active)
values ('640422', 'LEADER', '张三', '局长', '13800000000', null, 'zhang@example.cn', true);
insert into warning_publication (period, run_id, published_by, published_at, warning_count, message_count)
values ('2021-03', 1, 'leader', timestamp '2021-04-02 15:30:00', 1, 1);
insert into warning_case (unit_code, status, grade, escalation, opened_period, last_period, opened_at, plan_deadline,
                          rectify_deadline, closed_at, close_reason, updated_at)
values ('640422', 'RECTIFYING', 'ORANGE', 'INTERVIEW', '2021-03', '2021-03', timestamp '2021-04-02 15:30:00',
        date '2021-04-16', date '2021-06-30', null, null, timestamp '2021-04-10 11:00:00');
insert into warning (publication_id, case_id, unit_code, period, grade, grade_name, total, overrides, causes, escalation,
                     letter_year, letter_seq, letter_no, created_at)
values (1, 1, '640422', '2021-03', 'ORANGE', '橙色', 58.50, null, '库款保障水平低于安全线', null, 2021, 1, '宁财预〔2021〕1号',
        timestamp '2021-04-02 15:30:00');
insert into warning_case_event (case_id, occurred_at, actor, action, from_status, to_status, detail) values
 (1, timestamp '2021-04-02 15:30:00', 'leader', 'WARN', null, 'WARNED', '发布预警'),
 (1, timestamp '2021-04-10 11:00:00', 'xiji', 'SUBMIT_PLAN', 'WARNED', 'RECTIFYING', '上报整改方案');
insert into warning_case_escalation (case_id, from_level, to_level, decided_on, reason, meeting_at, meeting_place, attendees,
                                     referral_to, actor, created_at)
values (1, null, 'INTERVIEW', date '2021-04-09', '连续两月橙色', timestamp '2021-04-12 09:00:00', '财政厅三楼会议室', '张三',
        null, 'leader', timestamp '2021-04-09 16:00:00');
insert into warning_outbox (publication_id, warning_id, unit_code, recipient_type, recipient_name, channel, address, subject,
                            body, idempotency_key, status, attempts, attempt_id, claimed_at, next_attempt_at, age_from,
                            created_at, sent_at, last_error)
values (1, 1, '640422', 'LEADER', '张三', 'EMAIL', 'zhang@example.cn', '关于西吉县“三保”运行风险的提示函', '正文',
        'w1-leader-email', 'SENT', 1, 'att-1', timestamp '2021-04-02 15:31:00', timestamp '2021-04-02 15:31:00',
        timestamp '2021-04-02 15:30:00', timestamp '2021-04-02 15:30:00', timestamp '2021-04-02 15:31:02', null);
insert into warning_delivery_log (message_id, attempt_no, attempt_id, started_at, finished_at, outcome, detail)
values (1, 1, 'att-1', timestamp '2021-04-02 15:31:00', timestamp '2021-04-02 15:31:02', 'SENT', '250 OK');
insert into warning_letter_template_history (code, title, body, actions, office, doc_prefix, updated_by, updated_at,
                                             replaced_by, replaced_at)
values ('DEFAULT', '旧标题', '旧正文', '旧要求', '宁夏回族自治区财政厅', '宁财预', 'system', timestamp '2021-01-01 00:00:00',
        'analyst', timestamp '2021-02-01 00:00:00');
update warning_letter_template set title = '关于{单位}“三保”运行风险的提示函（修订）', updated_by = 'analyst',
       updated_at = timestamp '2021-02-01 00:00:00' where code = 'DEFAULT';

insert into pj_list_version (created_at, created_by, note) values (timestamp '2021-01-15 08:00:00', 'analyst', '2021 年保障清单');
insert into pj_list_item (version_id, code, name, pillar, basis, national_standard, standard, change_month, standard_after,
                          scope_measure, share_central, share_region, share_city, share_county, function_prefixes,
                          effective_year, sample)
values (1, 'W01', '基本工资', 'WAGE', 'PER_PERSON', 12000.00, 13200.00, 7, 13800.00, 'staff', 0.0000, 0.2000, 0.0000,
        0.8000, '20805,2050', 2021, false);
insert into pj_scope_revision (fiscal_year, label, row_count, created_by, created_at)
values (2021, '2021 年保障范围', 1, 'analyst', timestamp '2021-01-16 08:00:00');
insert into pj_scope_value (revision_id, unit_code, measure, quantity) values (1, '640422', 'staff', 5321.00);
insert into pj_estimation (fiscal_year, list_version_id, scope_revision, fact_revision, created_by, created_at)
values (2021, 1, 1, 1, 'analyst', timestamp '2021-01-17 08:00:00');
insert into pj_estimation_line (estimation_id, unit_code, item_code, pillar, annual_standard, quantity, local_share, amount)
values (1, '640422', 'W01', 'WAGE', 13500.000000, 5321.00, 0.8000, 57466800.00);
insert into pj_project_import (file_name, row_count, created_by, created_at)
values ('项目库2021.xlsx', 1, 'analyst', timestamp '2021-01-18 08:00:00');
insert into pj_project (fiscal_year, code, name, unit_code, agency, category, tag, item_code, function_code, economic_code,
                        amount, state, import_id, updated_at)
values (2021, 'XJ-2021-001', '西吉县教师工资', '640422', '西吉县教育局', 'BASIC', 'WAGE', 'W01', '2050201', '30101',
        30000000.00, 'APPROVED', 1, timestamp '2021-01-20 08:00:00');
insert into pj_project_transition (project_id, from_state, to_state, actor, moved_at, note)
values (1, 'DRAFT', 'APPROVED', 'analyst', timestamp '2021-01-20 08:00:00', '审核通过');
insert into pj_project_change (project_id, version, actor, changed_at, change_text, saved)
values (1, 1, 'analyst', timestamp '2021-01-19 08:00:00', '金额 2900 万 → 3000 万', '{"amount":"30000000.00"}');

insert into dc_dispatch_plan (base_month, pool, floor_amount, status, note, created_by, created_at, approved_by, approved_at)
values ('2021-03', 50000000.00, 1000000.00, 'APPROVED', '3 月调度', 'analyst', timestamp '2021-04-05 08:00:00', 'leader',
        timestamp '2021-04-06 08:00:00');
insert into dc_dispatch_line (plan_id, unit_code, shortfall, cap_amount, proposed, amount, explanation)
values (1, '640422', 8000000.00, 10000000.00, 8000000.00, 7500000.00, '按缺口分配，领导调减');
insert into dc_weighting (name, version, weights, created_by, created_at)
values ('默认权重', 1, 'shortfall=0.7,population=0.3', 'analyst', timestamp '2021-01-10 08:00:00');
insert into dc_affordability_case (name, item_code, new_standard, start_month, scope_growth, base_period, created_by, created_at)
values ('提高基础养老金', 'L01', 160.00, '2021-07', 0.0200, '2021-03', 'analyst', timestamp '2021-04-07 08:00:00');

insert into connector (name, jdbc_url, username, password_enc, cron, period_rule, enabled, max_rows, timeout_seconds,
                       alert_after, failures, retry_at, last_run_at, created_by, created_at, updated_by, updated_at)
values ('预算一体化库', 'jdbc:postgresql://budget.example.cn/budget', 'reader', 'enc:v1:abcd', '0 0 2 * * *', 'PREVIOUS_MONTH',
        true, 100000, 600, 3, 1, null, timestamp '2021-04-03 02:00:00', 'admin', timestamp '2021-01-03 08:00:00', 'admin',
        timestamp '2021-01-03 08:00:00');
insert into connector_query (connector_id, name, kind, item_code, sql_text, column_map, watermark)
values (1, '工资支出', 'FACT', 'paid_wage', 'select unit, amount from pay where month = :period', 'unit=unit_code,amount=amount',
        '2021-03');
insert into connector_unit_code (connector_id, source_code, unit_code) values (1, 'XJ', '640422');
insert into connector_run (connector_id, trigger_kind, period, status, rows_read, revision_id, duplicate_of, message, started_by,
                           started_at, finished_at)
values (1, 'SCHEDULE', '2021-03', 'FAILED', 0, null, null, '连接超时', 'system', timestamp '2021-04-03 02:00:00',
        timestamp '2021-04-03 02:10:00');
insert into connector_run_problem (run_id, seq, text) values (1, 1, '第 3 行：单位代码 ZZ 未映射');

insert into discipline_setting (name, enabled, updated_by, updated_at) values ('plan_deadline_reminder', true, 'admin',
                                                                                timestamp '2021-01-04 08:00:00');
insert into shedlock (name, lock_until, locked_at, locked_by)
values ('monthly-scoring', timestamp '2021-04-02 10:05:00', timestamp '2021-04-02 10:00:00', 'sanbao-1');
insert into spring_session (primary_id, session_id, creation_time, last_access_time, max_inactive_interval, expiry_time,
                            principal_name)
values ('11111111-2222-3333-4444-555555555555', '66666666-7777-8888-9999-000000000000', 1617238800000, 1617239000000, 1800,
        1617240800000, 'analyst');
