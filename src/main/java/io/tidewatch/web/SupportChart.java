package io.tidewatch.web;

import io.tidewatch.store.SupportStats;
import org.jsoup.nodes.Element;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Support questions answered per topic per day as an inline SVG bar chart, drawn on the server: no
 * script, no library from elsewhere. Colours come from the stylesheet ({@code .series-N}), so the
 * strict CSP needs no inline style.
 */
final class SupportChart {
    static final int WIDTH = 720, HEIGHT = 260;
    private static final int LEFT = 40, RIGHT = 12, TOP = 12, BOTTOM = 28;
    private static final int SERIES_COLOURS = 12;

    private SupportChart() {}

    /** Counts per topic, in the order of their totals (largest first), one value per day from {@code from} to {@code to}. */
    static Map<String, int[]> series(List<SupportStats.TopicCount> counts, LocalDate from, LocalDate to) {
        int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
        Map<String, int[]> byTopic = new TreeMap<>();
        for (SupportStats.TopicCount c : counts) {
            int i = (int) ChronoUnit.DAYS.between(from, c.day());
            if (i < 0 || i >= days) continue;
            byTopic.computeIfAbsent(c.topic(), t -> new int[days])[i] += c.answered();
        }
        Map<String, int[]> ordered = new LinkedHashMap<>();
        byTopic.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, int[]> e) -> -sum(e.getValue())).thenComparing(Map.Entry::getKey))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    /** The chart: one stacked bar per day, a segment per topic; {@code caption} labels it for screen readers. */
    static Element svg(Map<String, int[]> series, LocalDate from, String caption) {
        int days = series.values().stream().findFirst().map(v -> v.length).orElse(1);
        int[] totals = new int[days];
        for (int[] v : series.values()) for (int i = 0; i < days; i++) totals[i] += v[i];
        int max = Math.max(1, java.util.Arrays.stream(totals).max().orElse(1));
        double plotW = WIDTH - LEFT - RIGHT, plotH = HEIGHT - TOP - BOTTOM;
        double slot = plotW / days, bar = Math.max(2, slot * 0.7);
        Element svg = new Element("svg").attr("xmlns", "http://www.w3.org/2000/svg")
                .attr("viewBox", "0 0 " + WIDTH + " " + HEIGHT).attr("role", "img").attr("aria-label", caption)
                .attr("class", "chart");
        svg.appendElement("line").attr("class", "axis").attr("x1", num(LEFT)).attr("y1", num(TOP))
                .attr("x2", num(LEFT)).attr("y2", num(TOP + plotH));
        svg.appendElement("line").attr("class", "axis").attr("x1", num(LEFT)).attr("y1", num(TOP + plotH))
                .attr("x2", num(LEFT + plotW)).attr("y2", num(TOP + plotH));
        label(svg, LEFT - 6, TOP + 4, "end", String.valueOf(max));
        label(svg, LEFT - 6, TOP + plotH, "end", "0");
        for (int i = 0; i < days; i++) {
            if (i != 0 && i != days - 1 && i != days / 2) continue;
            label(svg, LEFT + slot * i + slot / 2, HEIGHT - 8, "middle", from.plusDays(i).toString().substring(5));
        }
        double[] base = new double[days];
        int n = 0;
        for (var e : series.entrySet()) {
            String colour = seriesClass(n++);
            int[] v = e.getValue();
            for (int i = 0; i < days; i++) {
                if (v[i] == 0) continue;
                double h = plotH * v[i] / max;
                base[i] += h;
                Element rect = svg.appendElement("rect").attr("class", "bar " + colour)
                        .attr("x", num(LEFT + slot * i + (slot - bar) / 2)).attr("y", num(TOP + plotH - base[i]))
                        .attr("width", num(bar)).attr("height", num(h));
                rect.appendElement("title").text(from.plusDays(i) + " " + e.getKey() + ": " + v[i]);
            }
        }
        return svg;
    }

    static int sum(int[] v) { return java.util.Arrays.stream(v).sum(); }

    static String seriesClass(int index) { return "series-" + (index % SERIES_COLOURS); }

    private static double x(int i, int days, double plotW) {
        return LEFT + (days <= 1 ? plotW / 2 : plotW * i / (days - 1));
    }

    private static void label(Element svg, double x, double y, String anchor, String text) {
        svg.appendElement("text").attr("x", num(x)).attr("y", num(y)).attr("text-anchor", anchor).attr("class", "tick").text(text);
    }

    private static String num(double d) { return String.format(Locale.ROOT, "%.1f", d); }
}
