-- Courses (专题): ordered series of lessons. A lesson belongs to one course at most, at a position in it.
create table course (
    id             uuid          not null primary key,
    title          varchar(200)  not null,
    summary        varchar(2000) not null default '',
    owner_username varchar(50)   not null,
    created_at     timestamp with time zone not null
);

alter table lesson add column course_id uuid references course (id);
alter table lesson add column course_position integer;
-- comma-separated, e.g. '党史,二十大'
alter table lesson add column tags varchar(200) not null default '';
-- an article's text in Markdown (images point at /article-images/...); null for talks
alter table lesson add column body varchar(100000);
create index lesson_course_idx on lesson (course_id, course_position);

-- Pictures in articles, stored in the media bucket under articles/. A picture no saved article uses is removed after
-- a day by the cleanup job, so an abandoned editor leaves no orphan objects.
create table article_image (
    name           varchar(60)  not null primary key,
    owner_username varchar(50)  not null,
    lesson_id      uuid references lesson (id),
    uploaded_at    timestamp with time zone not null
);

-- A talk's captions (WebVTT), uploaded by its lecturer, stored beside its renditions as captions.vtt.
alter table media add column has_captions boolean not null default false;

-- What a branch secretary asked the branch to study: a whole course or one lesson.
create table study_assignment (
    id          uuid        not null primary key,
    branch_id   bigint      not null references branch (id),
    course_id   uuid references course (id),
    lesson_id   uuid references lesson (id),
    assigned_by varchar(50) not null,
    assigned_at timestamp with time zone not null,
    check ((course_id is null and lesson_id is not null) or (course_id is not null and lesson_id is null))
);
create index study_assignment_branch_idx on study_assignment (branch_id, assigned_at);
