-- The 高对比度 choice (text at least 7:1), remembered per user as the font step and language are.
alter table user_preference add column high_contrast boolean not null default false;
