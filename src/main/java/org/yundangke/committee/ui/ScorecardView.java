package org.yundangke.committee.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.ui.RouteTarget;
import org.yundangke.base.ui.Toasts;
import org.yundangke.base.ui.UploadTexts;
import org.yundangke.base.ui.UserErrors;
import org.yundangke.committee.BranchScorecards;
import org.yundangke.committee.Indicator;
import org.yundangke.committee.ModelBranches;
import org.yundangke.committee.SelfAssessments;
import org.yundangke.org.BranchInfo;
import org.yundangke.org.CommitteeLevel;
import org.yundangke.org.OrgDirectory;

/**
 * A branch's "六有一提升" scorecard for a quarter: the six aspects with every indicator, what the platform measured
 * and what the branch assessed itself (score, evidence in words, photos or PDFs), 上报 when complete; an administrator
 * above the branch reviews each self-assessed indicator and closes the quarter. Below it, 示范支部: the branch's
 * proposals and titles of the year, a proposal one level up, and the decision for the administrator whose level it is.
 */
@Route("branches/:branchId/scorecard")
@RolesAllowed({"SECRETARY", "ADMIN"})
class ScorecardView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String BRANCH_ID = "branchId";

    final H2 title = new H2();
    final Select<Integer> year = new Select<>();
    final Select<Integer> quarter = new Select<>();
    final Paragraph status = new Paragraph();
    final Button submit = new Button();
    final Button finish = new Button();
    final Div lines = new Div();
    final Div models = new Div();
    private final BranchScorecards scorecards;
    private final SelfAssessments assessments;
    private final ModelBranches modelBranches;
    private final OrgDirectory directory;
    private BranchScorecards.Card card = new BranchScorecards.Card(0, 0, 1, List.of(), null);
    private long branchId;
    private boolean admin;

    ScorecardView(BranchScorecards scorecards, SelfAssessments assessments, ModelBranches modelBranches,
                  OrgDirectory directory, StudyCalendar calendar) {
        this.scorecards = scorecards;
        this.assessments = assessments;
        this.modelBranches = modelBranches;
        this.directory = directory;
        addClassName("ydk-page");
        int thisYear = calendar.thisYear();
        year.setLabel(getTranslation("overview.year"));
        year.setItems(IntStream.rangeClosed(thisYear - 2, thisYear).boxed().sorted(Comparator.reverseOrder()).toList());
        year.setItemLabelGenerator(y -> getTranslation("credit.year.label", String.valueOf(y)));
        year.setValue(thisYear);
        quarter.setLabel(getTranslation("overview.quarter"));
        quarter.setItems(1, 2, 3, 4);
        quarter.setItemLabelGenerator(q -> getTranslation("overview.quarter." + q));
        quarter.setValue((calendar.today().getMonthValue() - 1) / 3 + 1);
        year.addValueChangeListener(e -> refresh());
        quarter.addValueChangeListener(e -> refresh());
        HorizontalLayout period = new HorizontalLayout(year, quarter);
        period.setWrap(true);
        period.setAlignItems(FlexComponent.Alignment.BASELINE);
        submit.setText(getTranslation("scorecard.submit"));
        submit.addClassName("ydk-big-button");
        submit.addClickListener(e -> UserErrors.attemptGet(() -> scorecards.submit(branchId, year.getValue(),
                quarter.getValue())).ifPresent(done -> {
                    Toasts.done("scorecard.submitted");
                    refresh();
                }));
        finish.setText(getTranslation("scorecard.finish"));
        finish.addClassName("ydk-big-button");
        finish.addClickListener(e -> UserErrors.attemptGet(() -> scorecards.finishReview(branchId, year.getValue(),
                quarter.getValue())).ifPresent(done -> {
                    Toasts.done("scorecard.finished");
                    refresh();
                }));
        status.addClassName("ydk-scorecard-status");
        lines.setWidthFull();
        models.setWidthFull();
        add(title, new Paragraph(getTranslation("scorecard.hint")), period, status, submit, finish, lines, models);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        BranchInfo branch = RouteTarget.find(event, BRANCH_ID, directory::branchInScope).orElse(null);
        if (branch == null) {
            return;
        }
        branchId = branch.id();
        admin = assessments.reviews(branchId);
        title.setText(getTranslation("scorecard.page", branch.name()));
        refresh();
    }

    void refresh() {
        card = scorecards.card(branchId, year.getValue(), quarter.getValue());
        BranchScorecards.Result result = card.result();
        if (result == null) {
            status.setText(getTranslation("scorecard.status.open", card.total().toPlainString(), card.missing()));
        } else if (result.reviewed()) {
            status.setText(getTranslation("scorecard.status.reviewed", result.total().toPlainString(),
                    result.reviewedBy()));
        } else {
            status.setText(getTranslation("scorecard.status.submitted", result.total().toPlainString(),
                    card.unreviewed()));
        }
        boolean closed = result != null && result.reviewed();
        submit.setVisible(!closed);
        finish.setVisible(admin && result != null && !closed);
        lines.removeAll();
        Indicator.Aspect aspect = null;
        for (BranchScorecards.Line line : card.lines()) {
            if (line.indicator().aspect() != aspect) {
                aspect = line.indicator().aspect();
                lines.add(new H3(getTranslation("scorecard.aspect." + aspect)));
            }
            lines.add(line(line, closed));
        }
        showModels();
    }

    private Component line(BranchScorecards.Line line, boolean closed) {
        Indicator indicator = line.indicator();
        Div box = new Div(new H4(getTranslation("scorecard.indicator", indicator.title(),
                indicator.weight().stripTrailingZeros().toPlainString())), new Paragraph(indicator.description()));
        box.addClassNames("ydk-card", "ydk-scorecard-line");
        if (line.measured() != null) {
            box.add(new Paragraph(getTranslation("scorecard.measured." + (indicator.measure().name().endsWith("QUARTER")
                    ? "count" : "share"), line.measured().value().stripTrailingZeros().toPlainString(),
                    indicator.target().stripTrailingZeros().toPlainString(), line.measured().score().toPlainString())));
            return box;
        }
        SelfAssessments.Assessment assessed = line.assessed();
        if (assessed != null) {
            box.add(new Paragraph(getTranslation("scorecard.self.line", assessed.selfScore().stripTrailingZeros()
                    .toPlainString(), assessed.evidence())));
            if (assessed.reviewed()) {
                box.add(new Paragraph(getTranslation("scorecard.review.line", assessed.reviewScore()
                        .stripTrailingZeros().toPlainString(), assessed.reviewNote() == null ? ""
                        : assessed.reviewNote())));
            }
        } else {
            box.add(new Paragraph(getTranslation("scorecard.self.none")));
        }
        if (!closed && (assessed == null || !assessed.reviewed())) {
            box.add(selfForm(indicator, assessed));
        }
        if (admin && assessed != null && !closed) {
            box.add(reviewForm(indicator, assessed));
        }
        return box;
    }

    private Component selfForm(Indicator indicator, SelfAssessments.Assessment assessed) {
        BigDecimalField score = scoreField("scorecard.self.score.label", indicator);
        TextArea evidence = new TextArea(getTranslation("scorecard.self.evidence.label"));
        evidence.setWidthFull();
        evidence.setMaxLength(2000);
        if (assessed != null) {
            score.setValue(assessed.selfScore());
            evidence.setValue(assessed.evidence());
        }
        Button save = new Button(getTranslation("scorecard.self.save"), e -> {
            if (UserErrors.attempt(() -> assessments.assess(branchId, year.getValue(), quarter.getValue(),
                    indicator.code(), score.isEmpty() ? BigDecimal.valueOf(-1) : score.getValue(), evidence.getValue()))) {
                Toasts.done("scorecard.self.saved");
                refresh();
            }
        });
        save.addClassName("ydk-big-button");
        Div form = new Div(score, evidence, save);
        form.addClassName("ydk-scorecard-form");
        if (assessed != null) {
            Upload files = new Upload(UploadHandler.inMemory((metadata, data) -> getUI().ifPresent(ui -> ui.access(
                    () -> {
                        if (UserErrors.attempt(() -> assessments.attach(branchId, year.getValue(), quarter.getValue(),
                                indicator.code(), metadata.fileName(), data))) {
                            Toasts.done("scorecard.self.file.added");
                        }
                    }))));
            files.setMaxFiles(10);
            UploadTexts.apply(files, 20 * 1024 * 1024);
            files.setUploadButton(new Button(getTranslation("scorecard.self.file.add")));
            form.add(files);
        }
        return form;
    }

    private Component reviewForm(Indicator indicator, SelfAssessments.Assessment assessed) {
        BigDecimalField score = scoreField("scorecard.review.score.label", indicator);
        if (assessed.reviewed()) {
            score.setValue(assessed.reviewScore());
        }
        TextArea note = new TextArea(getTranslation("scorecard.review.note.label"));
        note.setWidthFull();
        note.setMaxLength(500);
        Button save = new Button(getTranslation("scorecard.review.save"), e -> {
            if (UserErrors.attempt(() -> assessments.review(branchId, year.getValue(), quarter.getValue(),
                    indicator.code(), score.isEmpty() ? BigDecimal.valueOf(-1) : score.getValue(), note.getValue()))) {
                Toasts.done("scorecard.review.saved");
                refresh();
            }
        });
        save.addClassName("ydk-big-button");
        Div form = new Div(score, note, save);
        form.addClassNames("ydk-scorecard-form", "ydk-scorecard-review");
        return form;
    }

    private BigDecimalField scoreField(String key, Indicator indicator) {
        BigDecimalField score = new BigDecimalField(getTranslation(key,
                indicator.weight().stripTrailingZeros().toPlainString()));
        score.setWidthFull();
        return score;
    }

    /** 示范支部: this year's proposals and titles, a proposal, and a decision for the administrator at that level. */
    private void showModels() {
        models.removeAll();
        models.add(new H3(getTranslation("model.title")), new Paragraph(getTranslation("model.hint")));
        List<ModelBranches.Award> awards = modelBranches.of(branchId, year.getValue());
        if (awards.isEmpty()) {
            models.add(new Paragraph(getTranslation("model.none")));
        }
        Long mine = directory.currentActor().committeeId();
        for (ModelBranches.Award award : awards) {
            Div box = new Div(new Paragraph(getTranslation("model.award", getTranslation("overview.model."
                    + award.level()), getTranslation("model.state." + award.state()), award.reason(),
                    award.decisionNote() == null ? "" : award.decisionNote())));
            box.addClassName("ydk-card");
            if (award.state() == ModelBranches.State.PROPOSED && mine != null && mine == award.committeeId()) {
                Button confirm = new Button(getTranslation("model.confirm"), e -> decide(award, true));
                Button decline = new Button(getTranslation("model.decline"), e -> decide(award, false));
                confirm.addClassName("ydk-big-button");
                decline.addClassName("ydk-big-button");
                box.add(confirm, decline);
            }
            models.add(box);
        }
        Select<CommitteeLevel> level = new Select<>();
        level.setLabel(getTranslation("model.level"));
        level.setItems(CommitteeLevel.COUNTY, CommitteeLevel.CITY, CommitteeLevel.PROVINCE);
        level.setItemLabelGenerator(l -> getTranslation("overview.model." + l));
        level.setValue(CommitteeLevel.COUNTY);
        TextArea reason = new TextArea(getTranslation("model.reason.label"));
        reason.setWidthFull();
        reason.setMaxLength(1000);
        Button propose = new Button(getTranslation("model.propose"), e -> {
            if (UserErrors.attempt(() -> modelBranches.propose(branchId, year.getValue(), level.getValue(),
                    reason.getValue()))) {
                Toasts.done("model.proposed");
                showModels();
            }
        });
        propose.addClassName("ydk-big-button");
        Div form = new Div(level, reason, propose);
        form.addClassName("ydk-scorecard-form");
        models.add(form);
    }

    private void decide(ModelBranches.Award award, boolean confirm) {
        if (UserErrors.attempt(() -> modelBranches.decide(branchId, award.year(), award.level(), confirm, ""))) {
            Toasts.done(confirm ? "model.confirmed" : "model.declined");
            showModels();
        }
    }

    @Override
    public String getPageTitle() {
        return title.getText();
    }
}
