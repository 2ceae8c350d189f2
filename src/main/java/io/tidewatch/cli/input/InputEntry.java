package io.tidewatch.cli.input;

/** What an input yields, entry by entry and in input order: a post, or an entry that could not be read. */
public sealed interface InputEntry permits InputPost, InputProblem {}
