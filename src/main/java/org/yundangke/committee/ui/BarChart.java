package org.yundangke.committee.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Horizontal bars by Apache ECharts (vendored in {@code frontend/charts}) inside {@code <ydk-chart>}: one group per
 * label, one bar per series. A picture with a label; the page shows the same figures in a table for screen readers.
 */
@Tag("ydk-chart")
@JavaScript("context://ydk/charts/echarts.min.js")
@JavaScript("context://ydk/charts/ydk-chart.js")
class BarChart extends Component {

    record Series(String name, List<BigDecimal> values, String unit) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    BarChart() {
        getElement().setAttribute("role", "img");
        getElement().getStyle().set("display", "block").set("width", "100%");
    }

    /** Draws the bars; {@code max} fixes the scale's end (100 for percentages), null lets the chart choose. */
    void show(String label, List<String> labels, List<Series> series, @Nullable BigDecimal max) {
        ObjectNode data = JSON.createObjectNode();
        ArrayNode names = data.putArray("labels");
        labels.forEach(names::add);
        ArrayNode all = data.putArray("series");
        for (Series each : series) {
            ObjectNode s = all.addObject().put("name", each.name()).put("unit", each.unit());
            ArrayNode values = s.putArray("values");
            each.values().forEach(values::add);
        }
        if (max != null) {
            data.put("max", max);
        }
        getElement().setAttribute("aria-label", label);
        getElement().setAttribute("data", data.toString());
    }
}
