-- Per-user display settings (font-size step, language) that follow the user to any device.
create table user_preference (
    username  varchar(50) not null primary key,
    font_step integer     not null default 0 check (font_step between 0 and 3),
    locale    varchar(10)
);
