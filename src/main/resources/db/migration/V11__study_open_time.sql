-- Study time is bounded by the server's clock: the time the lesson page was seen open (summed over visits and
-- devices, each moment once) limits the unique time a report can add. last_report_at is the last time the server
-- heard from any page of this lesson (its opening or a report).
alter table watch_progress add column open_ms bigint not null default 0;
-- progress earned before the bound existed was checked against twice real time: give it the open time that implies
update watch_progress set open_ms = (unique_ms + 1) / 2;
-- when the member's audience for the lesson was last checked in full (a report between checks only asks whether the
-- lesson is still published)
alter table watch_progress add column audience_checked_at timestamp with time zone;
