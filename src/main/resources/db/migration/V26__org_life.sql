-- Organisation life: the branch's 三会一课 (branch meetings, committee meetings, group meetings, Party lessons) and
-- 主题党日, with attendance taken in the room and the minutes and photos in the object store. Members present earn
-- their credit through an approved 记实 record (credit's), made once per member and event.
create table org_event (
    id          uuid          not null primary key,
    branch_id   bigint        not null references branch (id),
    kind        varchar(20)   not null,
    starts_at   timestamp with time zone not null,
    place       varchar(200)  not null,
    online_link varchar(500),
    topic       varchar(200)  not null,
    created_by  varchar(50)   not null,
    created_at  timestamp with time zone not null
);
create index org_event_branch_idx on org_event (branch_id, starts_at);

create table org_event_attendance (
    event_id    uuid        not null references org_event (id),
    member_id   bigint      not null references member (id),
    status      varchar(10) not null check (status in ('PRESENT', 'EXCUSED', 'ABSENT')),
    -- the approved 记实 record that brought a present member's credit, once
    evidence_id uuid,
    marked_by   varchar(50) not null,
    marked_at   timestamp with time zone not null,
    primary key (event_id, member_id)
);

create table org_event_file (
    event_id     uuid         not null references org_event (id),
    position     integer      not null,
    kind         varchar(10)  not null check (kind in ('MINUTES', 'PHOTO')),
    object       varchar(200) not null,
    file_name    varchar(200) not null,
    content_type varchar(100) not null,
    primary key (event_id, position)
);
