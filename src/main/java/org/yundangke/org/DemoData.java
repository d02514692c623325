package org.yundangke.org;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds a small but realistic organisation on an empty database: one province, two cities, three counties, seven
 * branches of all three kinds, 63 members (some in "1+2" arrangements) and one login per role. Never in {@code prod}.
 */
@Component
@Profile("!prod")
@ConditionalOnProperty(name = "yundangke.demo-data", havingValue = "true")
@Order(0)
class DemoData implements ApplicationRunner {

    /** The password of every demo login, as listed in the README. */
    static final String DEMO_PASSWORD = "demo1234";
    static final int MEMBERS_PER_BRANCH = 9;

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗";
    private static final String[] GIVEN_NAMES = {"建国", "秀英", "国华", "桂兰", "志强", "玉珍", "德明", "淑芬", "文斌",
            "凤英", "宝山", "素珍", "永康", "翠华", "振华", "兰英", "守仁", "慧敏", "家骏", "月琴", "光荣"};
    private static final String[] FORMER_UNITS = {"省财政厅", "市教育局", "市人民医院", "省水利厅", "市供销社",
            "区人民法院", "市文化局", "省农业农村厅"};

    private final CommitteeRepository committees;
    private final BranchRepository branches;
    private final MemberRepository members;
    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;

    DemoData(CommitteeRepository committees, BranchRepository branches, MemberRepository members,
             UserAccountRepository accounts, PasswordEncoder passwordEncoder) {
        this.committees = committees;
        this.branches = branches;
        this.members = members;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (committees.count() > 0) {
            return;
        }
        Committee province = committee("江苏省委离退休干部工委", CommitteeLevel.PROVINCE, null);
        Committee nanjing = committee("南京市委离退休干部工委", CommitteeLevel.CITY, province);
        Committee suzhou = committee("苏州市委离退休干部工委", CommitteeLevel.CITY, province);
        Committee xuanwu = committee("玄武区委离退休干部工委", CommitteeLevel.COUNTY, nanjing);
        Committee gulou = committee("鼓楼区委离退休干部工委", CommitteeLevel.COUNTY, nanjing);
        Committee gusu = committee("姑苏区委离退休干部工委", CommitteeLevel.COUNTY, suzhou);

        Branch meiyuan = branch("梅园新村社区离退休干部党支部", BranchKind.COMMUNITY, xuanwu, true);
        Branch finance = branch("原南京市财政局离退休干部党支部", BranchKind.ORIGINAL_UNIT, xuanwu, false);
        Branch seniorCollege = branch("鼓楼区老年大学离退休干部党支部", BranchKind.ASSOCIATION, gulou, false);
        Branch ninghai = branch("宁海路街道社区离退休干部党支部", BranchKind.COMMUNITY, gulou, false);
        Branch education = branch("原苏州市教育局离退休干部党支部", BranchKind.ORIGINAL_UNIT, gusu, true);
        Branch careCentre = branch("姑苏区养老服务中心离退休干部党支部", BranchKind.ASSOCIATION, gusu, false);
        Branch pingjiang = branch("平江街道社区离退休干部党支部", BranchKind.COMMUNITY, gusu, false);
        List<Branch> all = List.of(meiyuan, finance, seniorCollege, ninghai, education, careCentre, pingjiang);

        List<Member> seeded = new ArrayList<>();
        for (int b = 0; b < all.size(); b++) {
            for (int i = 0; i < MEMBERS_PER_BRANCH; i++) {
                seeded.add(member(b * MEMBERS_PER_BRANCH + i, all.get(b)));
            }
        }
        // "1+2": retirees of an original unit are also managed where they live and where they take part
        attachManaging(seeded, finance, meiyuan, seniorCollege);
        attachManaging(seeded, education, pingjiang, careCentre);
        attachManaging(seeded, seniorCollege, ninghai, null);
        members.saveAll(seeded);

        Member wang = seeded.get(MEMBERS_PER_BRANCH); // first member of the finance branch, a "1+2" member
        Member li = seeded.getFirst();                // first member of Meiyuan, its secretary
        login("member", wang.getName(), a -> a.asMember(wang.getId()));
        login("secretary", li.getName(), a -> a.asMember(li.getId()).leading(meiyuan.getId()));
        login("lecturer", "周宣讲（流动党校）", a -> a.grant(Role.LECTURER));
        login("admin", "南京市工委管理员", a -> a.administering(nanjing.getId()));
        login("county", "玄武区工委管理员", a -> a.administering(xuanwu.getId()));
        login("province", "省工委管理员", a -> a.administering(province.getId()));
        log.info("Demo data created: 6 committees, {} branches, {} members, logins member/secretary/lecturer/admin/"
                + "county/province (password {})", all.size(), seeded.size(), DEMO_PASSWORD);
    }

    private Committee committee(String name, CommitteeLevel level, Committee parent) {
        Committee committee = committees.save(new Committee(name, level, parent));
        committee.assignPath();
        return committee;
    }

    private Branch branch(String name, BranchKind kind, Committee committee, boolean model) {
        return branches.save(new Branch(name, kind, committee, model));
    }

    private Member member(int n, Branch branch) {
        String name = SURNAMES.charAt(n % SURNAMES.length()) + GIVEN_NAMES[(n * 7) % GIVEN_NAMES.length];
        Member member = new Member(name, branch);
        member.describe(n % 2 == 0 ? "男" : "女", 1940 + n % 20, LocalDate.of(1965 + n % 20, 1 + n % 12, 1 + n % 28),
                "139" + String.format("%08d", 1000 + n * 37), FORMER_UNITS[n % FORMER_UNITS.length]);
        return members.save(member);
    }

    /** Gives the first four members of {@code primary} one or two managing branches. */
    private void attachManaging(List<Member> seeded, Branch primary, Branch first, Branch second) {
        seeded.stream().filter(m -> m.getPrimaryBranch() == primary).limit(4).forEach(m -> {
            m.addManagingBranch(first);
            if (second != null) {
                m.addManagingBranch(second);
            }
        });
    }

    private void login(String username, String displayName, java.util.function.UnaryOperator<UserAccount> setup) {
        accounts.save(setup.apply(new UserAccount(username, passwordEncoder.encode(DEMO_PASSWORD), displayName)));
    }
}
