package org.yundangke.quiz.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yundangke.KaribuTest;
import org.yundangke.quiz.QuestionBank;
import org.yundangke.quiz.QuestionImport;
import org.yundangke.quiz.QuestionRows;
import org.yundangke.quiz.QuestionType;

/** A lecturer writes, changes and retires a question in the bank's page, and imports a workbook through its page. */
class QuestionBankPagesTest extends KaribuTest {

    @Autowired
    QuestionBank bank;

    @Autowired
    QuestionImport imports;

    @Test
    void a_lecturer_writes_a_question_changes_it_and_takes_it_out_of_the_bank() {
        login("lecturer");
        UI.getCurrent().navigate(QuestionBankView.class);
        QuestionBankView view = _get(QuestionBankView.class);
        assertThat(view.count.getText()).matches("共 \\d+ 道题");
        assertThat(view.editor.isVisible()).isFalse();

        String tag = UUID.randomUUID().toString().substring(0, 8);
        view.editor.edit(null);
        view.editor.type.setValue(QuestionType.MULTIPLE);
        view.editor.stem.setValue(tag + " 下列哪些是党员的义务？");
        view.editor.options.get(0).setValue("认真学习");
        view.editor.options.get(1).setValue("参加党的组织生活");
        view.editor.options.get(2).setValue("随意迁出组织关系");
        view.editor.answer.setValue("A");
        view.editor.category.setValue("党章/党员");
        view.editor.save.click();
        assertThat(view.editor.isVisible()).as("a multiple choice with one answer stays open to fix").isTrue();
        assertThat(bank.count(tag)).isZero();
        view.editor.answer.setValue("AB");
        view.editor.save.click();
        assertThat(view.editor.isVisible()).isFalse();
        assertThat(bank.count(tag)).isEqualTo(1);

        view.search.setValue(tag);
        view.refresh();
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        view.editor.edit(GridKt._get(view.grid, 0));
        assertThat(view.editor.answer.getValue()).isEqualTo("AB");
        view.editor.explanation.setValue("党章第三条规定了党员的义务。");
        view.editor.save.click();
        assertThat(bank.search(tag, 0, 1).getFirst().version()).isEqualTo(2);

        bank.retire(GridKt._get(view.grid, 0).id());
        view.refresh();
        assertThat(GridKt._size(view.grid)).isZero();
        assertThat(view.count.getText()).isEqualTo("共 0 道题");
    }

    @Test
    void the_import_page_checks_a_workbook_then_imports_it() {
        login("lecturer");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        bank.create(QuestionRows.draft(List.of("判断", tag + " 预备期为一年。", "", "", "", "", "", "", "对", "", "1", "1",
                "导入页", "")));
        bank.create(QuestionRows.draft(List.of("填空", tag + " ____会议", "", "", "", "", "", "", "遵义", "", "1", "1",
                "导入页", "")));
        byte[] exported = imports.export(tag);
        bank.search(tag, 0, 10).forEach(q -> bank.retire(q.id()));

        UI.getCurrent().navigate(QuestionImportView.class);
        QuestionImportView view = _get(QuestionImportView.class);
        UploadKt._upload(view.upload, "questions.xlsx", exported);
        Awaitility.await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> {
            MockVaadin.clientRoundtrip(false);
            return view.check != null;
        });
        assertThat(view.status.getText()).isEqualTo("共 2 行：2 行可以导入，0 行有问题。");
        assertThat(bank.count(tag)).as("nothing saved by the check").isZero();
        view.importAll.click();
        Awaitility.await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> {
            MockVaadin.clientRoundtrip(false);
            return view.check == null;
        });
        assertThat(view.status.getText()).isEqualTo("已导入 2 道题。");
        assertThat(bank.count(tag)).isEqualTo(2);
    }

    @Test
    void retiring_asks_first_and_keeping_changes_nothing() {
        login("lecturer");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        bank.create(QuestionRows.draft(List.of("判断", tag + " 要移出的题", "", "", "", "", "", "", "对", "", "1", "1",
                "移出", "")));
        UI.getCurrent().navigate(QuestionBankView.class);
        QuestionBankView view = _get(QuestionBankView.class);
        view.search.setValue(tag);
        view.refresh();
        Button retire = _find(GridKt._getCellComponent(view.grid, 0, "question"), Button.class).stream()
                .filter(b -> b.getText().equals("移出题库")).findFirst().orElseThrow();
        retire.click();
        ConfirmDialogKt._fireCancel(_get(ConfirmDialog.class));
        assertThat(bank.count(tag)).isEqualTo(1);
        retire.click();
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(bank.count(tag)).isZero();
        assertThat(view.count.getText()).isEqualTo("共 0 道题");
    }
}
