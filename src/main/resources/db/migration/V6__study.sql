-- Study: what each member actually played of each lesson, and when they completed it.
create table watch_progress (
    username        varchar(50)   not null,
    lesson_id       uuid          not null,
    -- played spans in milliseconds, merged: "0-15000,30000-45000"
    played_spans    varchar(20000) not null default '',
    unique_ms       bigint        not null default 0,
    last_position_s double precision not null default 0,
    -- the lesson's length, copied when the lesson page opens (after the audience check), so a report needs no lookup
    duration_ms     bigint        not null default 0,
    -- credit resets each calendar year: the spans count towards this year's completion only
    study_year      integer       not null default 0,
    last_report_at  timestamp with time zone not null,
    primary key (username, lesson_id)
);

-- one completion per member, lesson and calendar year: credit is earned once a year at most
create table lesson_completion (
    username     varchar(50) not null,
    lesson_id    uuid        not null,
    study_year   integer     not null,
    completed_at timestamp with time zone not null,
    primary key (username, lesson_id, study_year)
);
