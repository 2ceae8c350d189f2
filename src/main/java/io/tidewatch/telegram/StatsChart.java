package io.tidewatch.telegram;

import io.tidewatch.core.Category;
import io.tidewatch.store.IncidentLog;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

/** The /stats picture: incidents per day, stacked by category, as a PNG. Rendered headless. */
public final class StatsChart {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private StatsChart() {}

    public static byte[] render(List<IncidentLog.DailyCount> counts, LocalDate from, LocalDate to,
                                String title, String dayLabel, String countLabel) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            for (Category c : Category.values()) data.addValue(0, c.wireName(), d.toString().substring(5));
        }
        for (var c : counts) {
            if (c.day().isBefore(from) || c.day().isAfter(to)) continue;
            String day = c.day().toString().substring(5);
            data.setValue(data.getValue(c.category().wireName(), day).intValue() + c.count(), c.category().wireName(), day);
        }
        JFreeChart chart = ChartFactory.createStackedBarChart(title, dayLabel, countLabel, data,
                PlotOrientation.VERTICAL, true, false, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, 900, 450);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
