package org.yundangke.committee;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.yundangke.base.StudyCalendar;
import org.yundangke.branch.OrgLife;
import org.yundangke.credit.CreditRecords;
import org.yundangke.credit.CreditRules;
import org.yundangke.credit.Evidence;
import org.yundangke.org.MemberAccount;
import org.yundangke.org.OrgDirectory;
import org.yundangke.study.CompletionMatrix;

/**
 * The indicators the platform can measure, for one branch and quarter, from what the branch actually did here:
 * organisation-life events held, attendance taken, assignments finished, members online, approved 记实 records,
 * members whose 学时 keep pace with the yearly target. Each is scored as its weight
 * times the share of its target reached (at most the whole weight). Read on demand from the other modules' APIs, in the
 * caller's scope; the committees' rollups will keep these in tables refreshed on a schedule.
 */
@Service
public class ScorecardMeasures {

    /** A measured indicator's value for the branch and quarter, and the score it earns. */
    public record Measurement(Indicator indicator, BigDecimal value, BigDecimal score) {
    }

    private final Scorecards scorecards;
    private final OrgLife orgLife;
    private final CompletionMatrix matrix;
    private final OrgDirectory directory;
    private final StudyCalendar calendar;
    private final Evidence evidence;
    private final CreditRecords records;
    private final CreditRules rules;

    ScorecardMeasures(Scorecards scorecards, OrgLife orgLife, CompletionMatrix matrix, OrgDirectory directory,
                      StudyCalendar calendar, Evidence evidence, CreditRecords records, CreditRules rules) {
        this.evidence = evidence;
        this.records = records;
        this.rules = rules;
        this.scorecards = scorecards;
        this.orgLife = orgLife;
        this.matrix = matrix;
        this.directory = directory;
        this.calendar = calendar;
    }

    /** The measured indicators (as in force at the quarter's end, or today) of a branch in the caller's scope. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    public List<Measurement> of(long branchId, int year, int quarter) {
        LocalDate day = scorecards.judgedOn(year, quarter);
        LocalDate from = LocalDate.of(year, 3 * quarter - 2, 1);
        LocalDate end = from.plusMonths(3);
        Instant start = from.atStartOfDay(StudyCalendar.ZONE).toInstant();
        Instant until = min(end.atStartOfDay(StudyCalendar.ZONE).toInstant(), calendar.now());
        List<OrgLife.Event> held = orgLife.of(branchId).stream() // refuses a branch outside the scope
                .filter(e -> !e.startsAt().isBefore(start) && e.startsAt().isBefore(until)).toList();
        Quarter period = new Quarter(year, quarter, from, end.minusDays(1), held);
        return scorecards.inForce(day).stream().filter(Indicator::measured)
                .map(i -> scored(i, value(i.measure(), branchId, period))).toList();
    }

    /** The quarter measured: its days and the organisation-life events held in it (so far). */
    private record Quarter(int year, int number, LocalDate first, LocalDate last, List<OrgLife.Event> held) {
    }

    private BigDecimal value(Indicator.Measure measure, long branchId, Quarter period) {
        List<OrgLife.Event> held = period.held();
        return switch (measure) {
            case ORG_LIFE_QUARTER -> BigDecimal.valueOf(held.stream()
                    .filter(e -> e.kind() != OrgLife.Kind.PARTY_DAY).count());
            case PARTY_DAY_QUARTER -> BigDecimal.valueOf(held.stream()
                    .filter(e -> e.kind() == OrgLife.Kind.PARTY_DAY).count());
            case ATTENDANCE_RATE -> attendance(branchId, held);
            case ASSIGNMENTS_DONE -> assignmentsDone(branchId);
            case MEMBERS_ONLINE -> online(branchId);
            case EVIDENCE_SHARE -> evidenceShare(branchId, period);
            case STUDY_ON_TRACK -> onTrack(branchId, period);
            case SELF -> BigDecimal.ZERO;
        };
    }

    private BigDecimal attendance(long branchId, List<OrgLife.Event> held) {
        Map<UUID, Map<OrgLife.Status, Integer>> counts = orgLife.counts(branchId);
        long present = 0;
        long marked = 0;
        for (OrgLife.Event event : held) {
            Map<OrgLife.Status, Integer> tally = counts.getOrDefault(event.id(), Map.of());
            present += tally.getOrDefault(OrgLife.Status.PRESENT, 0);
            marked += tally.values().stream().mapToInt(Integer::intValue).sum();
        }
        return percent(present, marked);
    }

    private BigDecimal assignmentsDone(long branchId) {
        CompletionMatrix.Matrix m = matrix.of(branchId, CompletionMatrix.Filter.ALL);
        return percent(m.columns().stream().mapToLong(CompletionMatrix.Column::finished).sum(),
                m.columns().stream().mapToLong(CompletionMatrix.Column::asked).sum());
    }

    private BigDecimal online(long branchId) {
        List<MemberAccount> members = directory.memberAccountsOf(branchId);
        return percent(members.stream().map(MemberAccount::username).filter(Objects::nonNull).count(), members.size());
    }

    private BigDecimal evidenceShare(long branchId, Quarter period) {
        List<MemberAccount> members = directory.memberAccountsOf(branchId);
        Set<Long> recorded = evidence.membersWithApproved(branchId, period.first(), period.last());
        return percent(members.stream().filter(m -> recorded.contains(m.memberId())).count(), members.size());
    }

    private BigDecimal onTrack(long branchId, Quarter period) {
        BigDecimal due = rules.yearlyTarget(period.year()).multiply(BigDecimal.valueOf(period.number()))
                .divide(BigDecimal.valueOf(4), 2, RoundingMode.HALF_UP);
        List<CreditRecords.MemberMonths> months = records.branchMonths(branchId, period.year());
        long onTrack = months.stream().filter(m -> Arrays.stream(m.hours(), 0, 3 * period.number())
                .reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(due) >= 0).count();
        return percent(onTrack, months.size());
    }

    private static Measurement scored(Indicator indicator, BigDecimal value) {
        BigDecimal target = Objects.requireNonNull(indicator.target());
        BigDecimal reached = value.divide(target, 4, RoundingMode.HALF_UP).min(BigDecimal.ONE);
        return new Measurement(indicator, value, indicator.weight().multiply(reached).setScale(2, RoundingMode.HALF_UP));
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
