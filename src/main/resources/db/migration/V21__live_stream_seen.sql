-- When the ingest node last saw an in-app session's stream arriving: presence reports count only while it does
-- (a member cannot be "watching" a stream that is not there).
alter table live_session add column stream_seen_at timestamp with time zone;
