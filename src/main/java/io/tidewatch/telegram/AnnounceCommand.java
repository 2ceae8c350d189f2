package io.tidewatch.telegram;

import io.tidewatch.announce.AnnouncementStatus;
import io.tidewatch.announce.Announcements;
import io.tidewatch.announce.Preview;

import java.time.format.DateTimeFormatter;

/**
 * {@code /announce list | preview ID | publish ID | cancel ID | resend ID | confirm ID}: the
 * moderators' view of the announcement schedule. Publishing itself is the scheduler's job; this
 * only marks an announcement due (or cancelled), so a crash never doubles a post.
 */
final class AnnounceCommand implements Command {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");
    private final Announcements announcements;

    AnnounceCommand(Announcements announcements) {
        this.announcements = announcements;
    }

    @Override
    public String name() { return "/announce"; }

    @Override
    public Authority.Scope scope() { return Authority.Scope.BOT; }

    @Override
    public void run(CommandContext ctx) {
        String[] a = ctx.args().split("\\s+", 2);
        String verb = a[0].toLowerCase(java.util.Locale.ROOT);
        String id = a.length > 1 ? a[1].trim() : "";
        if (verb.isEmpty() || verb.equals("list")) {
            list(ctx);
            return;
        }
        if (id.isEmpty() || !id.matches("[\\w.-]{1,100}")) {
            ctx.reply("announce.usage");
            return;
        }
        try {
            switch (verb) {
                case "preview" -> preview(ctx, id);
                case "publish" -> {
                    announcements.publishNow(id, by(ctx));
                    ctx.audit("ANNOUNCE_PUBLISH", "announce:" + id, "moderator asked to publish", io.tidewatch.store.AuditLog.Status.DONE);
                    ctx.reply("announce.publishing", "id", id);
                }
                case "cancel" -> {
                    announcements.cancel(id, by(ctx));
                    ctx.audit("ANNOUNCE_CANCEL", "announce:" + id, "moderator cancelled", io.tidewatch.store.AuditLog.Status.DONE);
                    ctx.reply("announce.cancelled", "id", id);
                }
                case "resend", "confirm" -> {
                    int n = announcements.resolveUnknown(id, verb.equals("resend"), by(ctx));
                    ctx.audit("ANNOUNCE_" + verb.toUpperCase(java.util.Locale.ROOT), "announce:" + id, n + " unconfirmed parts settled",
                            io.tidewatch.store.AuditLog.Status.DONE);
                    ctx.reply("announce.settled", "id", id, "n", String.valueOf(n));
                }
                default -> ctx.reply("announce.usage");
            }
        } catch (IllegalArgumentException e) {
            ctx.reply("announce.refused", "reason", e.getMessage());
        }
    }

    private void list(CommandContext ctx) {
        var all = announcements.list();
        if (all.isEmpty()) {
            ctx.reply("announce.none");
            return;
        }
        StringBuilder sb = new StringBuilder(ctx.text("announce.header", "n", String.valueOf(all.size())));
        for (AnnouncementStatus s : all) {
            int sent = s.deliveries().stream().mapToInt(AnnouncementStatus.Delivery::sent).sum();
            int parts = s.deliveries().stream().mapToInt(AnnouncementStatus.Delivery::parts).sum();
            sb.append('\n').append(ctx.text("announce.line", "id", s.id(), "title", s.title() == null ? "" : s.title(),
                    "state", s.schedule().wireName(),
                    "when", s.publishAt() == null ? "—" : WHEN.format(s.publishAt()),
                    "sent", String.valueOf(sent), "parts", String.valueOf(parts),
                    "problems", String.valueOf(s.problems().size())));
        }
        ctx.replyHtml(sb.toString());
    }

    private void preview(CommandContext ctx, String id) {
        Preview p = announcements.preview(id);
        // the Telegram parts are sent as they would be published, so moderators see the real rendering
        for (String part : p.telegram()) ctx.replyHtml(part);
        ctx.reply("announce.preview", "id", id, "tweets", String.valueOf(p.twitter().size()),
                "problems", p.problems().isEmpty() ? ctx.text("announce.no_problems") : String.join("\n", p.problems()));
    }

    private static String by(CommandContext ctx) {
        return "telegram:" + ctx.senderId();
    }
}
