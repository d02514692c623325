-- Credit's published read model for the committees' rollups: a member's 学时 and points month by month.
create view credit_member_month as
select member_id, study_year, study_month, study_hours, points from credit_month_total;

-- A branch's scorecard for a quarter as submitted by its secretary (the measured indicators' scores frozen then, the
-- self-assessed ones as scored by the branch) and as reviewed by an administrator above it (the reviewed scores, the
-- measured part measured again). total is what the rollups average.
create table scorecard_result (
    branch_id      bigint        not null references branch (id),
    study_year     integer       not null,
    quarter        integer       not null check (quarter between 1 and 4),
    measured_score numeric(6, 2) not null,
    self_score     numeric(6, 2) not null,
    review_score   numeric(6, 2),
    total          numeric(6, 2) not null,
    submitted_by   varchar(50)   not null,
    submitted_at   timestamp with time zone not null,
    reviewed_by    varchar(50),
    reviewed_at    timestamp with time zone,
    primary key (branch_id, study_year, quarter)
);

-- 示范支部: a branch proposed for a year at county, city or province level, then confirmed or declined by an
-- administrator of the branch's committee at that level. A level above needs the level below confirmed first (when
-- the branch has a committee at that level).
create table model_branch (
    branch_id     bigint        not null references branch (id),
    study_year    integer       not null,
    level         varchar(10)   not null check (level in ('COUNTY', 'CITY', 'PROVINCE')),
    committee_id  bigint        not null references committee (id),
    state         varchar(10)   not null check (state in ('PROPOSED', 'CONFIRMED', 'DECLINED')),
    reason        varchar(1000) not null,
    proposed_by   varchar(50)   not null,
    proposed_at   timestamp with time zone not null,
    decided_by    varchar(50),
    decided_at    timestamp with time zone,
    decision_note varchar(500),
    primary key (branch_id, study_year, level)
);
create index model_branch_committee_idx on model_branch (committee_id, study_year, state);

-- The committees' rollups, rebuilt by a scheduled refresh (never in the transactions that award credit): per branch
-- and per committee, for a year as a whole (quarter 0) and each quarter. members: attached members, each once;
-- studied: members with any 学时 in the period; study_hours: 学时 from January to the period's end; reached: members
-- whose 学时 by then reached the yearly target; scored/scorecard_sum: branches with a submitted scorecard in the
-- period and the sum of their totals (quarter 0: the year's latest quarter of each); model_branches: confirmed 示范支部
-- of the year (any level).
create table rollup_branch (
    branch_id      bigint         not null,
    committee_id   bigint         not null,
    study_year     integer        not null,
    quarter        integer        not null check (quarter between 0 and 4),
    members        integer        not null,
    studied        integer        not null,
    study_hours    numeric(12, 2) not null,
    reached        integer        not null,
    scorecard      numeric(6, 2),
    model_level    varchar(10),
    primary key (study_year, quarter, branch_id)
);
create index rollup_branch_committee_idx on rollup_branch (study_year, quarter, committee_id);

create table rollup_committee (
    committee_id   bigint         not null,
    study_year     integer        not null,
    quarter        integer        not null check (quarter between 0 and 4),
    members        integer        not null,
    studied        integer        not null,
    study_hours    numeric(14, 2) not null,
    reached        integer        not null,
    branches       integer        not null,
    scored         integer        not null,
    scorecard_sum  numeric(12, 2) not null,
    model_branches integer        not null,
    primary key (study_year, quarter, committee_id)
);

create table rollup_refresh (
    study_year   integer not null primary key,
    refreshed_at timestamp with time zone not null,
    took_ms      bigint  not null
);
