package io.tidewatch.detect.secrets;

/**
 * A gitleaks composite condition: the rule {@code id} must also match near the primary match,
 * within {@code withinLines} lines and/or {@code withinColumns} columns (null: anywhere in the post).
 */
public record RequiredRule(String id, Integer withinLines, Integer withinColumns, int line) {}
