package io.tidewatch.cli.input;

import io.tidewatch.core.Post;

/** A post read from an input, with where it came from (1-based line, or 0 when the format has none). */
public record InputPost(Post post, String input, int line) implements InputEntry {}
