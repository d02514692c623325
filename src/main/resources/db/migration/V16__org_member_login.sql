-- org's read model: the login a member studies online with (a member without one has no row). Modules that key what
-- members do by login (quiz attempts) join it to report by branch.
create view org_member_login as
select member_id, username from user_account where member_id is not null;
