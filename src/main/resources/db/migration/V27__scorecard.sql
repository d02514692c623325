-- 六有一提升: the branch scorecard. Six aspects (有党的组织, 有领导班子, 有组织活动, 有作用发挥, 有工作制度,
-- 有工作保障) and 28 indicators as data. Each indicator is measured by the platform (measure = a source's code) or
-- self-assessed by the secretary with evidence (SELF). Every change is a new version from a date on, as credit rules
-- are, so a quarter is judged by the version in force at its end. Weights add up to 100 in the default set.
create table scorecard_indicator (
    code           varchar(40)   not null,
    version        integer       not null,
    effective_from date          not null,
    aspect         varchar(20)   not null check (aspect in ('ORGANISATION', 'LEADERSHIP', 'ACTIVITIES', 'ROLE',
                                                             'RULES', 'SUPPORT')),
    position       integer       not null,
    title          varchar(100)  not null,
    description    varchar(1000) not null,
    weight         numeric(5, 2) not null,
    measure        varchar(40)   not null,
    -- for a measured indicator: the value that earns the full weight (a share in percent, or a count a quarter)
    target         numeric(9, 2),
    changed_by     varchar(50)   not null,
    changed_at     timestamp with time zone not null,
    note           varchar(500)  not null default '',
    primary key (code, version)
);

insert into scorecard_indicator (code, version, effective_from, aspect, position, title, description, weight, measure,
                                 target, changed_by, changed_at) values
('ORG_EVERY_MEMBER',     1, date '2000-01-01', 'ORGANISATION', 1, '党员都编入支部', '每名离退休干部党员都编入一个党支部（“1”），不漏一人。', 5.00, 'SELF', null, 'system', current_timestamp),
('ORG_ONE_PLUS_TWO',     1, date '2000-01-01', 'ORGANISATION', 2, '“1+2”管理落实', '原单位支部与社区、社团协会支部分工明确，多重管理有记录。', 3.00, 'SELF', null, 'system', current_timestamp),
('ORG_SIZE',             1, date '2000-01-01', 'ORGANISATION', 3, '支部设置规范', '支部党员人数适当（3 至 50 人），人数过多的按规定拆分。', 3.00, 'SELF', null, 'system', current_timestamp),
('ORG_WHEREABOUTS',      1, date '2000-01-01', 'ORGANISATION', 4, '党员去向清楚', '异地居住、长期外出党员去向清楚，联系方式有登记。', 3.00, 'SELF', null, 'system', current_timestamp),
('LEAD_SECRETARY',       1, date '2000-01-01', 'LEADERSHIP', 1, '配好支部书记', '支部书记人选合适，到位履职。', 4.00, 'SELF', null, 'system', current_timestamp),
('LEAD_ELECTION',        1, date '2000-01-01', 'LEADERSHIP', 2, '按期换届', '支委会按期换届，程序规范。', 3.00, 'SELF', null, 'system', current_timestamp),
('LEAD_TRAINING',        1, date '2000-01-01', 'LEADERSHIP', 3, '书记参加培训', '支部书记每年参加培训。', 3.00, 'SELF', null, 'system', current_timestamp),
('LEAD_DUTIES',          1, date '2000-01-01', 'LEADERSHIP', 4, '班子分工明确', '支委分工明确，各负其责。', 3.00, 'SELF', null, 'system', current_timestamp),
('LEAD_EXAMPLE',         1, date '2000-01-01', 'LEADERSHIP', 5, '班子带头学习', '支委带头参加学习和组织生活。', 3.00, 'SELF', null, 'system', current_timestamp),
('ACT_MEETINGS',         1, date '2000-01-01', 'ACTIVITIES', 1, '三会一课按期召开', '支部党员大会、支委会、党小组会和党课按期召开：每季度至少 3 次（平台记录的组织生活）。', 7.00, 'ORG_LIFE_QUARTER', 3.00, 'system', current_timestamp),
('ACT_PARTY_DAY',        1, date '2000-01-01', 'ACTIVITIES', 2, '主题党日每月开展', '每月开展一次主题党日：每季度 3 次（平台记录的主题党日）。', 5.00, 'PARTY_DAY_QUARTER', 3.00, 'system', current_timestamp),
('ACT_ATTENDANCE',       1, date '2000-01-01', 'ACTIVITIES', 3, '党员参加组织生活', '本季度组织生活点名中到会和请假以外的缺席越少越好：到会人次占点名人次的比例，90% 为满分。', 5.00, 'ATTENDANCE_RATE', 90.00, 'system', current_timestamp),
('ACT_STUDY',            1, date '2000-01-01', 'ACTIVITIES', 4, '学习任务完成', '支部布置的学习，党员完成（含送学上门）的比例，90% 为满分。', 7.00, 'ASSIGNMENTS_DONE', 90.00, 'system', current_timestamp),
('ACT_ONLINE',           1, date '2000-01-01', 'ACTIVITIES', 5, '党员用上云党课', '开通云党课账号的党员比例，80% 为满分（行动不便的可送学上门）。', 4.00, 'MEMBERS_ONLINE', 80.00, 'system', current_timestamp),
('ACT_REVIEW',           1, date '2000-01-01', 'ACTIVITIES', 6, '组织生活会和民主评议', '每年召开组织生活会，开展民主评议党员。', 4.00, 'SELF', null, 'system', current_timestamp),
('ROLE_EVIDENCE',        1, date '2000-01-01', 'ROLE', 1, '党员作用有记实', '党员参加志愿服务、宣讲等活动有记实记录，书记审核。', 4.00, 'SELF', null, 'system', current_timestamp),
('ROLE_VOLUNTEER',       1, date '2000-01-01', 'ROLE', 2, '志愿服务', '组织党员在社区参加志愿服务。', 3.00, 'SELF', null, 'system', current_timestamp),
('ROLE_LECTURE',         1, date '2000-01-01', 'ROLE', 3, '宣讲党的理论', '党员参加宣讲团、流动党校授课。', 3.00, 'SELF', null, 'system', current_timestamp),
('ROLE_YOUTH',           1, date '2000-01-01', 'ROLE', 4, '关心下一代', '参加关心下一代工作。', 3.00, 'SELF', null, 'system', current_timestamp),
('ROLE_ADVICE',          1, date '2000-01-01', 'ROLE', 5, '建言献策', '围绕中心工作建言献策，有记录。', 3.00, 'SELF', null, 'system', current_timestamp),
('RULE_STUDY',           1, date '2000-01-01', 'RULES', 1, '学习制度', '有学习计划和学习制度，按计划落实。', 3.00, 'SELF', null, 'system', current_timestamp),
('RULE_ORG_LIFE',        1, date '2000-01-01', 'RULES', 2, '组织生活制度', '三会一课、主题党日有制度、有记录。', 3.00, 'SELF', null, 'system', current_timestamp),
('RULE_DUES',            1, date '2000-01-01', 'RULES', 3, '党费收缴', '按规定收缴党费，账目清楚。', 3.00, 'SELF', null, 'system', current_timestamp),
('RULE_VISITS',          1, date '2000-01-01', 'RULES', 4, '走访慰问制度', '对生病、困难党员有走访慰问制度并落实。', 3.00, 'SELF', null, 'system', current_timestamp),
('SUP_PLACE',            1, date '2000-01-01', 'SUPPORT', 1, '活动场所', '有相对固定的活动场所。', 3.00, 'SELF', null, 'system', current_timestamp),
('SUP_FUNDS',            1, date '2000-01-01', 'SUPPORT', 2, '活动经费', '活动经费有保障，使用规范。', 3.00, 'SELF', null, 'system', current_timestamp),
('SUP_HOME_STUDY',       1, date '2000-01-01', 'SUPPORT', 3, '送学上门', '对行动不便的党员送学上门，有记录。', 2.00, 'SELF', null, 'system', current_timestamp),
('SUP_ONLINE',           1, date '2000-01-01', 'SUPPORT', 4, '信息化手段', '用云党课等平台开展学习和组织生活。', 2.00, 'SELF', null, 'system', current_timestamp);
