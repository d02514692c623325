package org.yundangke.study.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import org.springframework.data.domain.PageRequest;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.ui.Toasts;
import org.yundangke.base.ui.UserErrors;
import org.yundangke.catalogue.Catalogue;
import org.yundangke.catalogue.CourseInfo;
import org.yundangke.catalogue.LessonInfo;
import org.yundangke.base.ui.RouteTarget;
import org.yundangke.org.BranchGroups;
import org.yundangke.org.BranchInfo;
import org.yundangke.org.MemberAccount;
import org.yundangke.org.OrgDirectory;
import org.yundangke.study.AssignableWork;
import org.yundangke.study.Assignments;
import org.yundangke.base.ui.ResponsiveGrid;
import org.yundangke.base.ui.DateFields;

/**
 * A secretary's study plan for one branch: assign a course, a lesson or a test, see how many members finished each
 * this year and who, and withdraw an assignment (after confirming).
 */
@Route("branches/:branchId/study")
@RolesAllowed({"SECRETARY", "ADMIN"})
class BranchStudyView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String BRANCH_ID = "branchId";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd")
            .withZone(StudyCalendar.ZONE);

    final H2 title = new H2();
    final ComboBox<CourseInfo> course = new ComboBox<>();
    final ComboBox<LessonInfo> lesson = new ComboBox<>();
    final ComboBox<AssignableWork.Work> work = new ComboBox<>();
    final Button assign = new Button();
    final DatePicker due = DateFields.accepting(new DatePicker());
    final RadioButtonGroup<Target> target = new RadioButtonGroup<>();
    final ComboBox<BranchGroups.BranchGroup> group = new ComboBox<>();
    final CheckboxGroup<MemberAccount> chosen = new CheckboxGroup<>();
    final TextArea note = new TextArea();
    final ResponsiveGrid<Assignments.BranchAssignment> table = new ResponsiveGrid<>();
    final Grid<Assignments.BranchAssignment> grid = table.grid;
    private final Assignments assignments;
    private final Catalogue catalogue;
    private final OrgDirectory directory;
    private final BranchGroups groups;
    private long branchId;
    private final StudyCalendar calendar;

    /** Whom the form assigns to. */
    enum Target { BRANCH, GROUP, MEMBERS }

    BranchStudyView(Assignments assignments, Catalogue catalogue, OrgDirectory directory, BranchGroups groups,
                    StudyCalendar calendar) {
        this.groups = groups;
        this.calendar = calendar;
        this.assignments = assignments;
        this.catalogue = catalogue;
        this.directory = directory;
        addClassName("ydk-page");
        course.setLabel(getTranslation("assignment.course"));
        course.setItemLabelGenerator(CourseInfo::title);
        course.setClearButtonVisible(true);
        lesson.setLabel(getTranslation("assignment.lesson"));
        lesson.setItemLabelGenerator(LessonInfo::title);
        lesson.setClearButtonVisible(true);
        work.setLabel(getTranslation("assignment.work"));
        work.setItemLabelGenerator(w -> w.title() + " · " + getTranslation(w.kind()));
        work.setClearButtonVisible(true);
        oneChoiceOf(course, lesson, work);
        assign.setText(getTranslation("assignment.assign"));
        assign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        assign.setDisableOnClick(true);
        assign.addClickListener(e -> {
            try {
                assign();
            } finally {
                assign.setEnabled(true);
            }
        });
        due.setLabel(getTranslation("assignment.due"));
        due.setHelperText(getTranslation("assignment.due.help"));
        due.setMin(calendar.today());
        due.setClearButtonVisible(true);
        HorizontalLayout form = new HorizontalLayout(course, lesson, work, due);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        target.setLabel(getTranslation("assignment.target"));
        target.setItems(Target.values());
        target.setItemLabelGenerator(t -> getTranslation("assignment.target." + t.name().toLowerCase()));
        target.setValue(Target.BRANCH);
        target.addValueChangeListener(e -> showTarget());
        group.setLabel(getTranslation("assignment.group"));
        group.setItemLabelGenerator(BranchGroups.BranchGroup::name);
        chosen.setLabel(getTranslation("assignment.members"));
        chosen.setItemLabelGenerator(MemberAccount::name);
        chosen.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        note.setLabel(getTranslation("assignment.note"));
        note.setMaxLength(500);
        note.setWidthFull();
        showTarget();

        table.addColumn(getTranslation("assignment.title"), a -> a.study().title()).setFlexGrow(3);
        table.addColumn(getTranslation("assignment.kind"), this::kind);
        table.addColumn(getTranslation("assignment.for"), this::audience).setFlexGrow(2);
        table.addColumn(getTranslation("assignment.date"), a -> DAY.format(a.study().assignment().assignedAt()));
        table.addColumn(getTranslation("assignment.due"), a -> a.study().assignment().dueOn() == null ? "" : a.study().assignment().dueOn().toString());
        table.addColumn(getTranslation("assignment.finished"), this::finishedCount);
        table.addComponentColumn(getTranslation("assignment.actions"), a -> {
            Button who = new Button(getTranslation("assignment.who"), e -> showStandings(a.study()));
            Button withdraw = new Button(getTranslation("assignment.withdraw"), e -> confirmWithdraw(a.study()));
            withdraw.addThemeVariants(ButtonVariant.LUMO_ERROR);
            return new HorizontalLayout(who, withdraw);
        }).setFlexGrow(2).setKey("actions");
        table.setEmptyStateText(getTranslation("assignment.empty"));
        table.setAriaLabel(getTranslation("assignment.grid"));
        grid.setAllRowsVisible(true);
        add(title, new Paragraph(getTranslation("assignment.hint")), form, target, group, chosen, note, assign, table);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        BranchInfo branch = RouteTarget.find(event, BRANCH_ID, directory::branchInScope).orElse(null);
        if (branch == null) {
            return;
        }
        branchId = branch.id();
        title.setText(getTranslation("assignment.page", branch.name()));
        course.setItems(catalogue.coursesForMe());
        lesson.setItems(catalogue.forMe(PageRequest.of(0, 200)).getContent());
        work.setItems(assignments.workChoices());
        group.setItems(groups.of(branchId));
        chosen.setItems(directory.memberAccountsOf(branchId));
        refresh();
    }

    /** Choosing in one of the boxes empties the others: an assignment is one thing. */
    @SafeVarargs
    private static void oneChoiceOf(ComboBox<?>... boxes) {
        for (ComboBox<?> box : boxes) {
            box.addValueChangeListener(e -> {
                if (e.getValue() != null) {
                    Arrays.stream(boxes).filter(other -> other != box).forEach(ComboBox::clear);
                }
            });
        }
    }

    private void assign() {
        if (course.getValue() == null && lesson.getValue() == null && work.getValue() == null) {
            Toasts.problem("assignment.choose");
            return;
        }
        Assignments.Audience audience = switch (target.getValue()) {
            case GROUP -> group.getValue() == null ? null : Assignments.Audience.group(group.getValue().id());
            case MEMBERS -> chosen.getValue().isEmpty() ? null : Assignments.Audience.members(chosen.getValue()
                    .stream().map(MemberAccount::memberId).toList());
            default -> Assignments.Audience.BRANCH;
        };
        if (audience == null) {
            Toasts.problem(target.getValue() == Target.GROUP ? "assignment.group.choose" : "assignment.members.choose");
            return;
        }
        boolean assigned = UserErrors.attempt(() -> assignments.assign(new Assignments.NewAssignment(branchId,
                course.getValue() == null ? null : course.getValue().id(),
                lesson.getValue() == null ? null : lesson.getValue().id(),
                work.getValue() == null ? null : work.getValue().id(), audience, due.getValue(), note.getValue())));
        if (assigned) {
            course.clear();
            lesson.clear();
            work.clear();
            due.clear();
            note.clear();
            chosen.clear();
            Toasts.done("assignment.done");
            refresh();
        }
    }

    private void showTarget() {
        group.setVisible(target.getValue() == Target.GROUP);
        chosen.setVisible(target.getValue() == Target.MEMBERS);
    }

    /** "全支部", "第一党小组" or "3 名党员", and the note when there is one. */
    private String audience(Assignments.BranchAssignment assignment) {
        Assignments.Assignment a = assignment.study().assignment();
        String who = a.audience().groupId() != null ? group.getListDataView().getItems()
                .filter(g -> g.id() == a.audience().groupId()).map(BranchGroups.BranchGroup::name).findFirst()
                .orElse("") : a.audience().memberIds().isEmpty() ? getTranslation("assignment.target.branch")
                : getTranslation("assignment.members.count", a.audience().memberIds().size());
        return a.note().isEmpty() ? who : who + " · " + a.note();
    }

    private String kind(Assignments.BranchAssignment assignment) {
        Assignments.AssignedStudy study = assignment.study();
        return getTranslation(study.work() != null ? study.work().kind()
                : study.assignment().workId() != null ? "assignment.kind.work"
                : study.assignment().courseId() != null ? "assignment.kind.course" : "assignment.kind.lesson");
    }

    private String finishedCount(Assignments.BranchAssignment assignment) {
        return !assignment.study().available() ? getTranslation("assignment.unavailable")
                : getTranslation(assignment.study().work() != null ? "assignment.finished.done"
                        : "assignment.finished.count", assignment.finished(), assignment.online());
    }

    private void showStandings(Assignments.AssignedStudy study) {
        ResponsiveGrid<Assignments.MemberStanding> whoTable = new ResponsiveGrid<>();
        whoTable.addColumn(getTranslation("member.name"), s -> s.member().name());
        whoTable.addColumn(getTranslation("assignment.member.state"), s -> s.member().username() == null ? getTranslation("assignment.offline")
                : s.finished() ? getTranslation(study.work() != null ? "assignment.member.done"
                        : "assignment.member.finished")
                : study.work() != null ? getTranslation(s.started() ? "assignment.member.started"
                        : "assignment.member.not-started")
                : getTranslation("assignment.member.progress", s.completed(), s.lessons()));
        whoTable.setItems(assignments.standings(study.assignment().id()));
        whoTable.setAriaLabel(study.title());
        Dialog dialog = new Dialog(whoTable);
        dialog.setHeaderTitle(study.title());
        dialog.setWidth("min(48rem, 95vw)");
        dialog.getFooter().add(new Button(getTranslation("action.close"), e -> dialog.close()));
        dialog.open();
    }

    private void confirmWithdraw(Assignments.AssignedStudy study) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("assignment.withdraw.title"),
                getTranslation("assignment.withdraw.text", study.title()), getTranslation("assignment.withdraw"),
                e -> {
                    assignments.withdraw(study.assignment().id());
                    refresh();
                });
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private void refresh() {
        table.setItems(assignments.forBranch(branchId));
    }

    @Override
    public String getPageTitle() {
        return title.getText();
    }
}
