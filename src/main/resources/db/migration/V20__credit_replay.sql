-- Which lesson is the replay of which live session (from live's LiveReplayPublished): a talk earns credit once,
-- attended live or studied as its replay, not both.
create table credit_replay (
    lesson_id uuid not null primary key,
    live_id   uuid not null
);
create index credit_replay_live_idx on credit_replay (live_id);
