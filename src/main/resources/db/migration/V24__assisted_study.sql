-- Studied with help (送学上门 / 家属协助): for a member who cannot use a device, the secretary, a volunteer or a family
-- member records that an assignment was studied together. It completes the assignment for that member; the 记实
-- record it makes (activity ASSISTED_STUDY, owned by credit) brings the credit once the secretary approves it.
create table study_assisted (
    assignment_id uuid         not null references study_assignment (id),
    member_id     bigint       not null references member (id),
    studied_on    date         not null,
    helper        varchar(100) not null,
    -- credit's evidence record; set in the same transaction, just after this row
    evidence_id   uuid,
    recorded_by   varchar(50)  not null,
    recorded_at   timestamp with time zone not null,
    primary key (assignment_id, member_id)
);

-- Which kind of 记实 an EVIDENCE entry came from, so the member's record and the branch's table can say "assisted".
alter table credit_entry add column evidence_activity varchar(20);
