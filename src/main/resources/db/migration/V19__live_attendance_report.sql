-- org's read model: how to reach a member (the phone the branch keeps), for the list of absentees to phone and for
-- matching a meeting platform's attendance export.
create view org_member_contact as
select id as member_id, name, phone from member;

-- Minutes a meeting platform's export shows for a member who stayed less than the session's share (those who stayed
-- long enough are in live_attendance): the report says "partly" and how long.
create table live_import_minutes (
    session_id uuid    not null references live_session (id),
    member_id  bigint  not null,
    minutes    integer not null,
    primary key (session_id, member_id)
);

-- An optional word the speaker says during a meeting-link session; "我已参加" asks for it when set.
alter table live_session add column check_word varchar(50);
