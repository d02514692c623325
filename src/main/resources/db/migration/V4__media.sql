-- Media: an uploaded talk from its first byte to a playable HLS ladder.
create table media (
    id                 uuid          not null primary key,
    owner_username     varchar(50)   not null,
    title              varchar(200)  not null,
    original_filename  varchar(255)  not null,
    size_bytes         bigint        not null,
    -- UPLOADING, QUEUED, TRANSCODING, READY, FAILED
    state              varchar(20)   not null,
    kind               varchar(10),             -- VIDEO or AUDIO, known after the probe
    duration_seconds   double precision,
    width              integer,                 -- as displayed (rotation applied)
    height             integer,
    rotation           integer       not null default 0,
    frame_rate         double precision,
    has_audio          boolean       not null default false,
    audio_channels     integer       not null default 0,
    progress_percent   integer       not null default 0,
    renditions         varchar(200),            -- e.g. '720,480,360,audio64'
    attempts           integer       not null default 0,
    failure_reason     varchar(1000),
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null
);
create index media_owner_idx on media (owner_username, created_at);
create index media_state_idx on media (state);

-- A resumable upload: the S3 multipart upload behind it and the parts that have arrived.
create table upload_session (
    media_id     uuid          not null primary key references media (id),
    fingerprint  varchar(400)  not null,
    s3_upload_id varchar(500)  not null,
    chunk_size   integer       not null,
    total_parts  integer       not null,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null
);
create index upload_session_fingerprint_idx on upload_session (fingerprint);

create table upload_part (
    media_id    uuid         not null references upload_session (media_id),
    part_number integer      not null,
    etag        varchar(200) not null,
    primary key (media_id, part_number)
);

-- Secrets shared by all app nodes (e.g. the key that signs playback URLs), created on first start.
create table signing_key (
    name   varchar(50)  not null primary key,
    secret varchar(200) not null
);
