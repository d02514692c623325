-- An assignment may say by when (学习任务 with a due date); members see it, nothing is refused after it.
alter table study_assignment add column due_on date;
