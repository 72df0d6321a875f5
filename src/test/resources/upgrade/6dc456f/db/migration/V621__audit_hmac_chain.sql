-- The audit chain becomes keyed: each record's hash is an HMAC-SHA256 with a key held outside the database
-- (cn.sanbao.audit.AuditKeys), and key_id names that key so that records signed before a key rotation still verify.
-- scheme null on the head means "old unkeyed SHA-256 chain": the first audit write after the upgrade checks the
-- old chain, re-chains every record with the key once and records that (action AUDIT_RECHAIN) in the trail itself.
alter table audit_event add column key_id varchar(16);
alter table audit_chain_head add column scheme varchar(16);
alter table audit_chain_head add column key_id varchar(16);
-- a new, empty database has nothing to re-chain
update audit_chain_head set scheme = 'HMAC1' where id = 1 and last_id is null and not exists (select 1 from audit_event);
