package org.yundangke.credit;

/**
 * Set-based SQL that fills the app's tables with a province: committees, branches, members with "1+2" managing
 * branches, and a month of ledger entries per call (PostgreSQL). Statements end with ";" and a line break.
 */
final class GeneratorSql {

    private GeneratorSql() {
    }

    /** 1 province, 13 cities, 100 counties; {BRANCHES} branches ({COUNTY_BRANCHES} under counties); {MEMBERS}. */
    static final String ORG = """
            insert into committee (id, name, level, parent_id, path) values (1, '江苏省委离退休干部工委', 'PROVINCE', null, '/1/');
            insert into committee (id, name, level, parent_id, path)
            select 1 + c, '市工委 ' || c, 'CITY', 1, '/1/' || (1 + c) || '/' from generate_series(1, 13) c;
            insert into committee (id, name, level, parent_id, path)
            select 15 + k, '县区工委 ' || k, 'COUNTY', 2 + k % 13, '/1/' || (2 + k % 13) || '/' || (15 + k) || '/'
            from generate_series(0, 99) k;
            select setval(pg_get_serial_sequence('committee', 'id'), (select max(id) from committee));
            insert into branch (id, name, kind, committee_id, model_branch)
            select i, '支部 ' || i, (array['ORIGINAL_UNIT','COMMUNITY','ASSOCIATION'])[1 + (hashint4(i) & 2147483647) % 3],
                   case when i <= {COUNTY_BRANCHES} then 15 + (i - 1) % 100 else 2 + i % 13 end,
                   (hashint4(i * 7) & 2147483647) % 20 = 0
            from generate_series(1, {BRANCHES}) i;
            select setval(pg_get_serial_sequence('branch', 'id'), {BRANCHES});
            insert into member (id, name, gender, birth_year, party_join_date, phone, former_unit, primary_branch_id)
            select row_number() over (order by random()),
                   (array['王','李','张','刘','陈','杨','黄','赵','吴','周'])[1 + (g % 10)] || '某' || g,
                   case when g % 3 = 0 then '女' else '男' end, 1935 + g % 31, date '1960-01-01' + (g % 15000)::int,
                   '139' || lpad((g * 7919 % 100000000)::text, 8, '0'), '原单位 ' || (g % 5000), b.branch_id
            from (select branch_id, lo, hi from (
                    select branch_id,
                           floor({MEMBERS} * (sum(w) over (order by branch_id) - w) / sum(w) over ())::bigint lo,
                           floor({MEMBERS} * sum(w) over (order by branch_id) / sum(w) over ())::bigint hi
                    from (select id branch_id, exp(random() * 2.5) w from branch) x) y) b
            cross join lateral generate_series(b.lo + 1, b.hi) g;
            select setval(pg_get_serial_sequence('member', 'id'), {MEMBERS});
            create temp table cnb as select committee_id, count(*) nb from branch group by committee_id;
            create temp table br as select id branch_id, committee_id,
                   row_number() over (partition by committee_id order by id) rn from branch;
            create temp table city_cnty as select parent_id city_id, id county_id,
                   row_number() over (partition by parent_id order by id) rn, count(*) over (partition by parent_id) ncnt
            from committee where level = 'COUNTY';
            insert into managing_membership (member_id, slot, branch_id)
            select member_id, row_number() over (partition by member_id order by k), branch_id
            from (
              select d.*, row_number() over (partition by d.member_id order by d.k) pick
              from (
                select distinct on (y.member_id, y.branch_id) y.member_id, y.n, y.k, y.branch_id
                from (
                  select x.member_id, x.n, x.k, x.primary_branch_id,
                         case when x.cat >= 0.95 then 1 + floor(x.r2 * {BRANCHES})::bigint else tb.branch_id end branch_id
                  from (
                    select m.id member_id, m.primary_branch_id, m.n, g.k, pb.committee_id pcomm,
                           case when pc.level = 'CITY' then pc.id else pc.parent_id end city_id,
                           random() cat, random() r1, random() r2
                    from (select id, primary_branch_id, case when r < 0.15 then 1 when r < 0.20 then 2 else 0 end n
                          from (select id, primary_branch_id, random() r from member) x0) m
                    join branch pb on pb.id = m.primary_branch_id
                    join committee pc on pc.id = pb.committee_id
                    cross join generate_series(1, 4) g(k)
                    where m.n > 0) x
                  left join city_cnty ctn on ctn.city_id = x.city_id and ctn.rn = 1 + floor(x.r1 * ctn.ncnt)
                  left join cnb on cnb.committee_id = case when x.cat < 0.80 then x.pcomm else ctn.county_id end
                  left join br tb on tb.committee_id = cnb.committee_id and tb.rn = 1 + floor(x.r2 * cnb.nb)
                ) y
                where y.branch_id <> y.primary_branch_id
                order by y.member_id, y.branch_id, y.k) d
            ) z
            where pick <= n;
            analyze committee;
            analyze branch;
            analyze member;
            analyze managing_membership;
            """;

    /**
     * One month of entries for every member (about 3.9 each, by an activity factor per member): a third 学时, two thirds
     * points, some capped at 0. Binds: year, year, month, year, month, month.
     */
    static final String MONTH_OF_LEDGER = """
            insert into credit_entry (member_id, study_year, kind, amount, rule_code, rule_version, source, source_id,
                                      idem_key, capped_reason, note, title, recorded_by, occurred_on, recorded_at)
            select x.member_id, x.study_year,
                   case when x.p < 34 then 'STUDY_HOURS' else 'POINTS' end,
                   case when x.p < 20 then (array[0.25, 0.5, 1.0])[1 + x.k % 3]
                        when x.p < 29 then (array[0.25, 0.5])[1 + x.k % 2]
                        when x.p < 30 then 0
                        when x.p < 34 then 0.5
                        when x.p between 86 and 89 then 0
                        else 1 end::numeric(7,2),
                   r.rule_code, 1, r.source, r.source_id,
                   x.member_id || ':' || r.rule_code || ':' || r.source || ':' || r.source_id
                     || case when r.daily then ':' || x.occurred_on else '' end,
                   case when x.p = 29 or x.p between 86 and 89 then 'DAILY_CAP' end, null,
                   (array['习近平新时代中国特色社会主义思想学习纲要', '党章党规党纪专题', '二十大精神解读', '党史学习教育',
                          '老干部健康讲座', '乡村振兴政策解读', '廉洁文化教育', '时事政治月谈'])[1 + (x.p * 7 + x.k) % 8]
                     || ' 第' || (1 + (x.member_id + x.k) % 40) || '讲',
                   'system', x.occurred_on, x.recorded_at
            from (
              select m.id member_id, ?::int study_year, g.k, d.occurred_on,
                     d.occurred_on + make_interval(secs => 28800 + floor(random() * 50400)) recorded_at,
                     floor(random() * 100)::int p
              from member m
              cross join lateral generate_series(1,
                  floor((0.2 + 1.6 * ((hashint8(m.id) & 65535) / 65535.0)) * 3.93 + random())::int) g(k)
              cross join lateral (select make_date(?::int, ?::int, 1)
                  + floor(random() * extract(day from make_date(?::int, ?::int, 1) + interval '1 month - 1 day'))::int
                  + 0 * g.k occurred_on) d
              order by recorded_at
            ) x
            cross join lateral (
              select case when x.p < 20 then 'LESSON_HOURS_LONG' when x.p < 30 then 'LESSON_HOURS_SHORT'
                          when x.p < 34 then 'QUIZ_HOURS' when x.p < 64 then 'LESSON_POINTS'
                          when x.p < 90 then 'WATCH_POINTS' when x.p < 98 then 'EVIDENCE_POINTS'
                          else 'QUIZ_POINTS' end rule_code,
                     case when x.p < 30 then 'LESSON' when x.p < 34 then 'QUIZ' when x.p < 90 then 'LESSON'
                          when x.p < 98 then 'EVIDENCE' else 'QUIZ' end source,
                     (x.study_year * 100 + ?::int) || '-' || x.k || '-' || (x.member_id % 9973) source_id,
                     (x.p between 34 and 89) or x.p >= 98 daily
            ) r
            """;

    /** A few corrections, then the month and year totals the app keeps with every entry. */
    static final String TOTALS = """
            insert into credit_entry (member_id, study_year, kind, amount, rule_code, rule_version, source, source_id,
                                      idem_key, reverses_id, note, title, recorded_by, occurred_on, recorded_at)
            select e.member_id, e.study_year, e.kind, -e.amount, e.rule_code, 1, 'MANUAL', e.id::text,
                   'reverse:' || e.id, e.id, '重复登记', e.title, 'secretary', e.occurred_on, e.recorded_at + interval '3 days'
            from credit_entry e tablesample system (0.1) repeatable (42)
            where e.amount > 0;
            insert into credit_month_total (member_id, study_year, study_month, study_hours, points)
            select member_id, study_year, extract(month from occurred_on)::int,
                   coalesce(sum(amount) filter (where kind = 'STUDY_HOURS'), 0),
                   coalesce(sum(amount) filter (where kind = 'POINTS'), 0)
            from credit_entry group by 1, 2, 3 order by 1, 2, 3;
            insert into credit_year_total (member_id, study_year, study_hours, points)
            select member_id, study_year, sum(study_hours), sum(points) from credit_month_total group by 1, 2 order by 1, 2;
            vacuum analyze credit_entry;
            vacuum analyze credit_month_total;
            vacuum analyze credit_year_total;
            """;
}
