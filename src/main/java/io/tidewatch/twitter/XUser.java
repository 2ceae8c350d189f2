package io.tidewatch.twitter;

/** An X account as the API shows it: the numeric id (what trust rests on), @username and display name. */
public record XUser(String id, String username, String name) {}
