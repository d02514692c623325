-- Logins: a password set by a secretary or admin is used once and must then be changed.
alter table user_account add column must_change_password boolean not null default false;

-- "Remember me on this device": Spring Security's persistent tokens (JdbcTokenRepositoryImpl), 30 days, revocable.
create table persistent_logins (
    username  varchar(64) not null,
    series    varchar(64) primary key,
    token     varchar(64) not null,
    last_used timestamp   not null
);
create index persistent_logins_username_idx on persistent_logins (username);

-- Wrong passwords in a row, per account ("user:…") and per client address ("addr:…"), for the growing delay and the
-- temporary block; shared by every app node.
create table login_failure (
    subject         varchar(120) primary key,
    failures        integer      not null,
    last_failure_at timestamp with time zone not null
);
