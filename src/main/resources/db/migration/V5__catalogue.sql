-- Catalogue: lessons made from talks (or written as articles), their publication state and audience.
create table lesson (
    id               uuid          not null primary key,
    title            varchar(200)  not null,
    speaker          varchar(100)  not null,
    summary          varchar(2000) not null default '',
    category         varchar(50)   not null,
    kind             varchar(10)   not null check (kind in ('VIDEO', 'AUDIO', 'ARTICLE')),
    media_id         uuid,
    duration_seconds double precision,
    -- DRAFT, PUBLISHED, ARCHIVED
    state            varchar(10)   not null check (state in ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
    -- everyone, or only the committees' subtrees listed in lesson_audience
    everyone         boolean       not null default true,
    owner_username   varchar(50)   not null,
    created_at       timestamp with time zone not null,
    published_at     timestamp with time zone
);
create index lesson_state_idx on lesson (state, published_at);
create index lesson_media_idx on lesson (media_id);

create table lesson_audience (
    lesson_id    uuid   not null references lesson (id),
    committee_id bigint not null,
    primary key (lesson_id, committee_id)
);
