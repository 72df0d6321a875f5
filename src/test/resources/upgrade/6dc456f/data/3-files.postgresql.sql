-- Binary columns (postgresql literal syntax): report files, case attachments, session attributes.
insert into report_file (kind, period, unit_code, format, title, file_name, content_type, size_bytes, content, run_id,
                         as_of_revision, fact_revisions, trigger_kind, created_by, created_at)
values ('MONTHLY', '2021-03', null, 'PDF', '2021年3月“三保”运行监测月报', '月报-2021-03.pdf', 'application/pdf', 9,
        decode('255044462d312e340a', 'hex'), 1, 2, '1,2', 'PUBLISH', 'leader', timestamp '2021-04-02 16:00:00');
insert into report_delivery (report_id, channel, address, status, detail, attempted_at)
values (1, 'EMAIL', 'leader@example.cn', 'SENT', null, timestamp '2021-04-02 16:01:00');
insert into warning_attachment (case_id, file_name, content_type, size_bytes, content, uploaded_by, uploaded_at)
values (1, '整改方案.pdf', 'application/pdf', 9, decode('255044462d312e340a', 'hex'), 'xiji', timestamp '2021-04-10 11:00:00');
insert into spring_session_attributes (session_primary_id, attribute_name, attribute_bytes)
values ('11111111-2222-3333-4444-555555555555', 'SPRING_SECURITY_CONTEXT', decode('aced0005', 'hex'));
