-- Two indicators the branch assessed itself are measured by the platform from this quarter on (a new version each,
-- as any revision is; quarters before it keep version 1): 党员作用有记实 from approved 记实 records, and the study
-- rules indicator as 党员学时达到进度 from the ledger. Weights stay, so the standard still adds up to 100.
insert into scorecard_indicator (code, version, effective_from, aspect, position, title, description, weight, measure,
                                 target, changed_by, changed_at, note) values
('ROLE_EVIDENCE', 2, date '2026-10-01', 'ROLE', 1, '党员作用有记实', '本季度有经书记审核通过的记实记录（志愿服务、宣讲、组织生活、送学上门等）的党员比例，50% 为满分（平台计分）。', 4.00, 'EVIDENCE_SHARE', 50.00, 'system', current_timestamp, '改由平台按审核通过的记实计分'),
('RULE_STUDY',    2, date '2026-10-01', 'RULES', 1, '党员学时达到进度', '到本季度末，学时达到年度目标相应进度（一季度四分之一，二季度一半，依此类推）的党员比例，80% 为满分（平台计分）。', 3.00, 'STUDY_ON_TRACK', 80.00, 'system', current_timestamp, '改由平台按学时进度计分');
