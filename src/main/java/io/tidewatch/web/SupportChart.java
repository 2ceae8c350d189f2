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
 * Support questions answered per topic per day as an inline SVG line chart, drawn on the server: no
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

    /** The chart; {@code caption} labels it for screen readers. */
    static Element svg(Map<String, int[]> series, LocalDate from, String caption) {
        int days = series.values().stream().findFirst().map(v -> v.length).orElse(1);
        int max = Math.max(1, series.values().stream().flatMapToInt(java.util.Arrays::stream).max().orElse(1));
        double plotW = WIDTH - LEFT - RIGHT, plotH = HEIGHT - TOP - BOTTOM;
        Element svg = new Element("svg").attr("xmlns", "http://www.w3.org/2000/svg")
                .attr("viewBox", "0 0 " + WIDTH + " " + HEIGHT).attr("role", "img").attr("aria-label", caption)
                .attr("class", "chart");
        svg.appendElement("line").attr("class", "axis").attr("x1", num(LEFT)).attr("y1", num(TOP))
                .attr("x2", num(LEFT)).attr("y2", num(TOP + plotH));
        svg.appendElement("line").attr("class", "axis").attr("x1", num(LEFT)).attr("y1", num(TOP + plotH))
                .attr("x2", num(LEFT + plotW)).attr("y2", num(TOP + plotH));
        label(svg, LEFT - 6, TOP + 4, "end", String.valueOf(max));
        label(svg, LEFT - 6, TOP + plotH, "end", "0");
        for (int i : new int[]{0, days / 2, days - 1}) {
            if (i < 0) continue;
            label(svg, x(i, days, plotW), HEIGHT - 8, "middle", from.plusDays(i).toString().substring(5));
        }
        int n = 0;
        for (var e : series.entrySet()) {
            int[] v = e.getValue();
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < v.length; i++) {
                if (i > 0) points.append(' ');
                points.append(num(x(i, days, plotW))).append(',').append(num(TOP + plotH - plotH * v[i] / max));
            }
            Element line = svg.appendElement("polyline").attr("class", "series series-" + (n++ % SERIES_COLOURS))
                    .attr("fill", "none").attr("points", points.toString());
            line.appendElement("title").text(e.getKey() + ": " + sum(v));
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
