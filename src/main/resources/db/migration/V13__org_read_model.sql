-- The organisation as other modules' SQL may read it. These views are org's published read model (like the records
-- OrgDirectory returns to Java): credit and the modules to come join them, never org's tables, so org can change its
-- tables and keep the views. Plain projections, which H2 and PostgreSQL both inline into the query that uses them.

-- a member: name and primary branch (the "1" of "1+2")
create view org_member as
select id as member_id, name, primary_branch_id from member;

-- a member's managing branches (the "2" of "1+2")
create view org_managing_branch as
select member_id, branch_id from managing_membership;

-- every branch a member is attached to, primary or managing, with which it is
create view org_member_branch as
select id as member_id, primary_branch_id as branch_id, true as is_primary from member
union all
select member_id, branch_id, false from managing_membership;

create view org_branch as
select id as branch_id, name, committee_id from branch;

create view org_committee as
select id as committee_id, name, level, parent_id from committee;

-- a branch and every committee whose subtree holds it (its own committee and all above): the subtree rule
-- OrgDirectory applies in Java, as rows
create view org_branch_committee as
select b.id as branch_id, anc.id as committee_id
from branch b
join committee bc on bc.id = b.committee_id
join committee anc on bc.path like anc.path || '%';
