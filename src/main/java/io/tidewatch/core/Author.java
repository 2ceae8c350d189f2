package io.tidewatch.core;

/**
 * Who wrote a post. {@code id} is the platform's numeric account id as a string: the only thing
 * trust is ever based on; {@code username} and {@code name} may be null and only raise suspicion.
 */
public record Author(String id, String username, String name) {
    public Author {
        id = id == null ? "" : id;
    }

    public static Author anonymous() { return new Author("", null, null); }
}
