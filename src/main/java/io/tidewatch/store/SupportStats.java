package io.tidewatch.store;

import java.time.LocalDate;
import java.util.List;

/** How many private questions were answered per topic per day: counts only, never content. */
public final class SupportStats {
    public record TopicCount(LocalDate day, String topic, int answered) {}

    private final Jdbc jdbc;

    public SupportStats(Database db) { this.jdbc = new Jdbc(db.dataSource()); }

    public void count(LocalDate day, String topic) {
        String update = "UPDATE support_topic_count SET answered = answered + 1 WHERE count_day = ? AND topic = ?";
        if (jdbc.update(update, day, topic) == 1) return;
        if (!jdbc.insertUnique("INSERT INTO support_topic_count (count_day, topic, answered) VALUES (?,?,?)", day, topic, 1)) {
            jdbc.update(update, day, topic);
        }
    }

    public List<TopicCount> since(LocalDate from) {
        return jdbc.query("SELECT count_day, topic, answered FROM support_topic_count WHERE count_day >= ? ORDER BY count_day, topic",
                rs -> new TopicCount(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getInt(3)), from);
    }
}
