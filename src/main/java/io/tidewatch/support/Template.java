package io.tidewatch.support;

import org.apache.commons.text.StringSubstitutor;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * One user-facing text from a rules file, with ${variables} and **bold**. Rendered either as plain
 * text (Twitter, command line) or as Telegram HTML, where the template and every value are escaped
 * (user words included) before the bold markup becomes {@code <b>}. Values are never re-expanded,
 * so a user who writes "${email_address}" gets exactly that back.
 */
record Template(String text, String where) {
    /** How an answer is written on the wire. */
    enum Format { PLAIN, HTML }

    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*", Pattern.DOTALL);

    String render(Map<String, String> values, Format format) {
        String prepared = format == Format.HTML
                ? BOLD.matcher(escapeHtml(text)).replaceAll("<b>$1</b>")
                : BOLD.matcher(text).replaceAll("$1");
        Map<String, String> escaped = format == Format.HTML ? escapeAll(values) : values;
        StringSubstitutor s = new StringSubstitutor(escaped);
        s.setEnableUndefinedVariableException(true);
        s.setDisableSubstitutionInValues(true);
        try {
            return s.replace(prepared);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> escapeAll(Map<String, String> values) {
        Map<String, String> out = new java.util.HashMap<>();
        values.forEach((k, v) -> out.put(k, escapeHtml(v)));
        return out;
    }

    /** The four characters Telegram's HTML parse mode needs escaped; nothing else (it knows no other entities). */
    static String escapeHtml(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
