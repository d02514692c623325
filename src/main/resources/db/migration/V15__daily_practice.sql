-- 每日一练: a day's practice earns points by its own rule, at most once a day (the rule's daily cap).
insert into credit_rule (code, version, effective_from, kind, amount, minutes, daily_cap, yearly_cap, changed_by,
                         changed_at, note) values
    ('DAILY_PRACTICE_POINTS', 1, date '2000-01-01', 'POINTS', 1.00, null, 1.00, null, 'system', current_timestamp, '');

-- The lessons a member completed, as the quiz module heard of them (LessonCompleted): 每日一练 draws from their
-- questions and the categories of those questions.
create table quiz_studied_lesson (
    username     varchar(50) not null,
    lesson_id    uuid        not null,
    completed_at timestamp with time zone not null,
    primary key (username, lesson_id)
);
