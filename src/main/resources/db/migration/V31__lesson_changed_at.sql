-- Every node keeps its own search index and reindexes the lessons changed since it last looked: each insert or update
-- of a lesson is stamped with the database's clock (the nodes' clocks may differ).
alter table lesson add column changed_at timestamp with time zone default current_timestamp not null;
create index lesson_changed_at on lesson (changed_at);
