-- A branch may also be asked to do other work than lessons: a quiz today (its id, owned by the quiz module, which the
-- study module reaches only through its AssignableWork interface). The table is rebuilt because the check of V7
-- (course or lesson) has a generated name that differs between H2 and PostgreSQL.
create table study_assignment_v17 (
    id          uuid        not null primary key,
    branch_id   bigint      not null references branch (id),
    course_id   uuid references course (id),
    lesson_id   uuid references lesson (id),
    work_id     uuid,
    assigned_by varchar(50) not null,
    assigned_at timestamp with time zone not null,
    due_on      date,
    constraint study_assignment_one_thing check (
        (case when course_id is null then 0 else 1 end) + (case when lesson_id is null then 0 else 1 end)
        + (case when work_id is null then 0 else 1 end) = 1)
);
insert into study_assignment_v17 (id, branch_id, course_id, lesson_id, assigned_by, assigned_at, due_on)
    select id, branch_id, course_id, lesson_id, assigned_by, assigned_at, due_on from study_assignment;
drop table study_assignment;
alter table study_assignment_v17 rename to study_assignment;
create index study_assignment_branch_idx on study_assignment (branch_id, assigned_at);
