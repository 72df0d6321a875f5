-- Four-eyes publication of a model version: one person submits a draft (status PENDING), another approves
-- it (PUBLISHED) or returns it to DRAFT with a reason. Portable SQL for H2 2.x and PostgreSQL 15+.
alter table model_version add column submitted_by varchar(64);
alter table model_version add column submitted_at timestamp;
alter table model_version add column review_note varchar(500);
