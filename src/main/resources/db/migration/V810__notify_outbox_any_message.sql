-- The outbox belongs to the notification module and carries messages that are no warning notice (a report
-- e-mail): such a row has no publication and no warning. Warning notices keep both, with their foreign keys.
alter table warning_outbox alter column publication_id drop not null;
alter table warning_outbox alter column warning_id drop not null;
