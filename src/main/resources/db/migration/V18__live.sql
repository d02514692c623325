-- Live talks and online report meetings (网上专题报告会): scheduled sessions watched through an outside meeting link
-- or streamed into the app, who they are for, reminders, and attendance as the server can vouch for it.
create table live_session (
    id              uuid          not null primary key,
    title           varchar(200)  not null,
    speaker         varchar(100)  not null,
    summary         varchar(2000) not null,
    starts_at       timestamp with time zone not null,
    ends_at         timestamp with time zone not null,
    -- LINK: an outside meeting (腾讯会议, 钉钉…) joined by its URL; APP: streamed into the app over RTMP
    mode            varchar(10)   not null,
    join_url        varchar(1000),
    -- the share of the session (percent) a member must be present for to count as attended; fixed at creation
    attend_percent  integer       not null,
    -- true: every member; false: the committees' subtrees in live_audience
    everyone        boolean       not null,
    -- APP mode: the stream key and the port the ingest listens on, and the talk (media) it becomes
    stream_key      varchar(64),
    ingest_port     integer,
    media_id        uuid,
    replay_lesson_id uuid,
    -- APP mode: the stream was finished (its recording handed to media), or there was none
    stream_closed   boolean       not null default false,
    cancelled       boolean       not null default false,
    created_by      varchar(50)   not null,
    created_at      timestamp with time zone not null,
    check (ends_at > starts_at),
    check (attend_percent between 1 and 100),
    check ((mode = 'LINK' and join_url is not null) or (mode = 'APP' and stream_key is not null))
);
create index live_session_start_idx on live_session (starts_at);

create table live_audience (
    session_id   uuid   not null references live_session (id),
    committee_id bigint not null,
    primary key (session_id, committee_id)
);

-- In the app: a member's presence, one row per 15-second slot of the server's clock inside the live window in which
-- any of their devices reported the stream playing on a visible page. Slots, not sums: two devices count once.
create table live_presence (
    session_id uuid        not null references live_session (id),
    username   varchar(50) not null,
    slot       integer     not null,
    primary key (session_id, username, slot)
);

-- How a member attended (APP, LINK check-in, GROUP watching recorded by a secretary, IMPORT of the meeting platform's
-- export) and for how long: one row per member and session, which is what makes LiveAttended once. By member, not
-- login: group watching is for members without a phone too.
create table live_attendance (
    session_id  uuid        not null references live_session (id),
    member_id   bigint      not null,
    how         varchar(10) not null,
    minutes     integer     not null,
    attended_at timestamp with time zone not null,
    recorded_by varchar(50) not null,
    primary key (session_id, member_id)
);

-- In-app reminders: one a day before and one 15 minutes before, once per member and session.
create table live_notice (
    session_id uuid        not null references live_session (id),
    username   varchar(50) not null,
    kind       varchar(10) not null,
    created_at timestamp with time zone not null,
    read_at    timestamp with time zone,
    primary key (session_id, username, kind)
);

-- A member's private calendar feed: the token in the URL is the only key, so it can be replaced.
create table live_feed (
    username   varchar(50) not null primary key,
    token      varchar(64) not null unique,
    created_at timestamp with time zone not null
);
