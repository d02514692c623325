package org.yundangke.credit.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yundangke.KaribuTest;
import org.yundangke.credit.CreditTestEvents;
import org.yundangke.org.OrgDirectory;
import org.yundangke.quiz.QuizPassed;

/**
 * The member's record in plain words, a 记实 from the member's form to the secretary's approval, and the admin's
 * rollup.
 */
class CreditPagesTest extends KaribuTest {

    @Autowired
    CreditTestEvents events;

    @Autowired
    OrgDirectory directory;

    @Test
    void the_member_reads_their_year_in_plain_words() {
        String title = "党章测试 " + UUID.randomUUID().toString().substring(0, 4);
        events.credit(new QuizPassed("member", UUID.randomUUID(), title, Instant.now()));
        login("member");
        UI.getCurrent().navigate(MyRecordView.class);
        MyRecordView record = _get(MyRecordView.class);
        assertThat(record.ring.getText()).endsWith("/ 32 学时");
        assertThat(_find(record.history, ListItem.class)).extracting(ListItem::getText)
                .anySatisfy(line -> assertThat(line).contains("通过测试《" + title + "》 +0.5 学时"));
        assertThat(record.certificate.getText()).contains("学习证明");
        assertThat(record.certificate.getHref()).isNotBlank();
    }

    @Test
    void a_record_goes_from_the_members_form_to_the_secretarys_approval() {
        String place = "梅园社区活动室 " + UUID.randomUUID().toString().substring(0, 4);
        login("member");
        UI.getCurrent().navigate(EvidenceView.class);
        EvidenceView form = _get(EvidenceView.class);
        form.branch.setValue(form.branch.getListDataView().getItems().filter(b -> b.name().startsWith("梅园"))
                .findFirst().orElseThrow());
        form.place.setValue(place);
        form.description.setValue("学习党的二十届四中全会精神");
        form.save.click();
        assertThat(form.mine.getElement().getTextRecursively()).contains(place, "等待审核");

        login("secretary");
        long meiyuan = directory.currentActor().ledBranchIds().iterator().next();
        UI.getCurrent().navigate(BranchCreditView.class, new RouteParameters(BranchCreditView.BRANCH_ID,
                String.valueOf(meiyuan)));
        BranchCreditView branch = _get(BranchCreditView.class);
        Div card = _find(branch.pending, Div.class).stream().filter(d -> d.getElement().getTextRecursively()
                .contains(place)).filter(d -> d.hasClassName("ydk-card")).findFirst().orElseThrow();
        _click(_get(card, Button.class, spec -> spec.withText("通过")));
        assertThat(branch.pending.getElement().getTextRecursively()).doesNotContain(place);
        assertThat(GridKt._size(branch.grid)).as("every member of the branch").isGreaterThanOrEqualTo(9);

        login("member");
        UI.getCurrent().navigate(EvidenceView.class);
        assertThat(_get(EvidenceView.class).mine.getElement().getTextRecursively()).contains(place, "已通过");
    }

    @Test
    void the_admin_sees_the_counties_and_a_non_province_admin_cannot_change_rules() {
        login("admin");
        UI.getCurrent().navigate(CommitteeCreditView.class);
        CommitteeCreditView view = _get(CommitteeCreditView.class);
        assertThat(GridKt._size(view.grid)).isEqualTo(2); // Xuanwu and Gulou under Nanjing
        assertThat(view.total.getText()).startsWith("共 36 名党员");

        UI.getCurrent().navigate(CreditRulesView.class);
        CreditRulesView rules = _get(CreditRulesView.class);
        rules.edit(GridKt._get(rules.grid, 0));
        _get(TextField.class, spec -> spec.withLabel("说明")).setValue("试图修改");
        _click(_get(Button.class, spec -> spec.withText("保存修改")));
        assertThat(_find(com.vaadin.flow.component.dialog.Dialog.class)).as("the form stays open with the message")
                .isNotEmpty();
    }
}
