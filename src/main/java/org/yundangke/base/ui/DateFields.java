package org.yundangke.base.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import java.util.List;

/**
 * Date fields that take a date in any common Chinese form: 2026年12月20日, 2026-12-20, 2026/12/20, 2026.12.20,
 * 20261220, or 12月20日 and 12-20 for this year; shown as 2026年12月20日. Anything else gets a message that says how to
 * type it, instead of a red field with no words.
 */
public final class DateFields {

    /** The first is how a date is shown; all are accepted when typed. */
    static final List<String> FORMATS = List.of("yyyy年M月d日", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd",
            "M月d日", "M-d", "M/d");

    private DateFields() {
    }

    public static DatePicker accepting(DatePicker picker) {
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n();
        i18n.setDateFormats(FORMATS.getFirst(), FORMATS.subList(1, FORMATS.size()).toArray(String[]::new));
        i18n.setMonthNames(List.of(picker.getTranslation("date.months").split(",")));
        i18n.setWeekdays(List.of(picker.getTranslation("date.weekdays").split(",")));
        i18n.setWeekdaysShort(List.of(picker.getTranslation("date.weekdays.short").split(",")));
        i18n.setFirstDayOfWeek(1);
        i18n.setToday(picker.getTranslation("date.today"));
        i18n.setCancel(picker.getTranslation("date.cancel"));
        i18n.setBadInputErrorMessage(picker.getTranslation("date.bad-input"));
        i18n.setMinErrorMessage(picker.getTranslation("date.too-early"));
        i18n.setMaxErrorMessage(picker.getTranslation("date.too-late"));
        picker.setI18n(i18n);
        if (picker.getHelperText() == null || picker.getHelperText().isBlank()) {
            picker.setHelperText(picker.getTranslation("date.help"));
        }
        return picker;
    }
}
