package io.tidewatch.announce;

import java.util.List;

/** An announcement as it would be published, with every problem that stops or spoils it. */
public record Preview(String id, Rendering rendering, List<String> problems) {
    public Preview {
        problems = List.copyOf(problems);
    }

    public List<String> telegram() { return rendering == null ? List.of() : rendering.telegramParts(); }

    public List<String> twitter() { return rendering == null ? List.of() : rendering.twitterParts(); }

    public static Preview of(AnnouncementDirectory.Entry entry) {
        return new Preview(entry.id(), entry.rendering(), entry.problems().stream().map(Problem::toString).toList());
    }
}
