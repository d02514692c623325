-- A branch's self-assessment of the indicators the platform cannot measure, a quarter at a time: the secretary's score
-- and the evidence (text, and files in the object store); then the score a committee administrator of the branch's
-- area gives after review, which is final for that quarter.
create table scorecard_assessment (
    branch_id     bigint        not null references branch (id),
    study_year    integer       not null,
    quarter       integer       not null check (quarter between 1 and 4),
    code          varchar(40)   not null,
    self_score    numeric(5, 2) not null,
    evidence_text varchar(2000) not null,
    assessed_by   varchar(50)   not null,
    assessed_at   timestamp with time zone not null,
    review_score  numeric(5, 2),
    review_note   varchar(500),
    reviewed_by   varchar(50),
    reviewed_at   timestamp with time zone,
    primary key (branch_id, study_year, quarter, code)
);

create table scorecard_evidence_file (
    branch_id    bigint       not null,
    study_year   integer      not null,
    quarter      integer      not null,
    code         varchar(40)  not null,
    position     integer      not null,
    object       varchar(200) not null,
    file_name    varchar(200) not null,
    content_type varchar(100) not null,
    primary key (branch_id, study_year, quarter, code, position),
    foreign key (branch_id, study_year, quarter, code)
        references scorecard_assessment (branch_id, study_year, quarter, code)
);
