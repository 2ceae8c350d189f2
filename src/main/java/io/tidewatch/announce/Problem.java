package io.tidewatch.announce;

/** Something wrong with an announcement: the file, the field (or null) and why, as moderators read it. */
public record Problem(String file, String field, String reason) {
    @Override
    public String toString() {
        return file + ": " + (field == null ? "" : field + ": ") + reason;
    }
}
