-- Spring Modulith 2.x JPA event publication registry (it creates no schema of its own).
create table event_publication (
    id                     uuid         not null primary key,
    listener_id            varchar(512) not null,
    event_type             varchar(512) not null,
    serialized_event       varchar(4000) not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    last_resubmission_date timestamp with time zone,
    status                 varchar(20),
    completion_attempts    integer      not null default 0
);
create index event_publication_completion_idx on event_publication (completion_date);
