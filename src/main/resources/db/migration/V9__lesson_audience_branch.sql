-- A lesson can also be meant for chosen branches (a branch's own lesson), besides committees' subtrees.
create table lesson_audience_branch (
    lesson_id uuid   not null references lesson (id),
    branch_id bigint not null references branch (id),
    primary key (lesson_id, branch_id)
);
