package io.tidewatch.telegram;

import io.tidewatch.core.Action;
import io.tidewatch.core.ConfigException;
import io.tidewatch.core.Platform;
import io.tidewatch.policy.ChatSettings;
import io.tidewatch.policy.PolicyRules;
import io.tidewatch.policy.TextCatalog;
import io.tidewatch.store.AuditLog;
import io.tidewatch.store.ChatSettingsStore;
import io.tidewatch.store.TrustList;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.InputFile;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** The moderators' commands (issue 4, "Moderators"). Each is one small class; {@link #all()} lists them. */
public final class StandardCommands {
    private StandardCommands() {}

    public static List<Command> all() {
        return List.of(new Help(), new Status(), new Incidents(), new Allow(), new Trust(), new Warn(), new Mute(),
                new Ban(), new Unban(), new Reload(), new Stats(), new DryRun(), new Language());
    }

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

    static final class Help implements Command {
        public String name() { return "/help"; }

        public void run(CommandContext ctx) { ctx.reply("help"); }
    }

    static final class Status implements Command {
        public String name() { return "/status"; }

        public void run(CommandContext ctx) {
            TelegramBot bot = ctx.bot();
            var now = bot.clock().instant();
            ChatSettings s = bot.settings(ctx.chat());
            Duration up = Duration.between(bot.startedAt(), now);
            ctx.reply("status",
                    "dry", bot.globalDryRun() ? ctx.text("status.dry") : "",
                    "since", TIME.format(bot.startedAt()) + " UTC",
                    "uptime", up.toHours() + "h" + up.toMinutesPart() + "m",
                    "incidents", String.valueOf(bot.stores().incidents().countSince(now.minus(Duration.ofDays(1)))),
                    "queue", String.valueOf(bot.queue().waiting()),
                    "failed", String.valueOf(bot.queue().failedCount()),
                    "language", s.language(), "moderation", String.valueOf(s.moderation()), "dry_run", String.valueOf(s.dryRun()),
                    "loaded", TIME.format(bot.rules().loadedAt()) + " UTC");
        }
    }

    static final class Incidents implements Command {
        public Authority.Scope scope() { return Authority.Scope.BOT; }

        public String name() { return "/incidents"; }

        public void run(CommandContext ctx) {
            int n = 5;
            if (ctx.args().matches("\\d{1,3}")) n = Math.max(1, Math.min(20, Integer.parseInt(ctx.args())));
            var list = ctx.bot().stores().incidents().recent(n);
            if (list.isEmpty()) {
                ctx.reply("incidents.none");
                return;
            }
            StringBuilder sb = new StringBuilder(ctx.text("incidents.header", "n", String.valueOf(list.size())));
            for (var i : list) {
                sb.append('\n').append(ctx.text("incidents.line", "id", String.valueOf(i.id()), "at", TIME.format(i.at()),
                        "platform", i.platform().wireName(), "category", i.category().wireName(), "rule", i.rule(),
                        "severity", i.severity().wireName(), "chat", i.chat(), "excerpt", i.excerpt()));
            }
            ctx.replyHtml(sb.toString());
        }
    }

    static final class Allow implements Command {
        public Authority.Scope scope() { return Authority.Scope.BOT; }

        public String name() { return "/allow"; }

        public void run(CommandContext ctx) {
            Optional<String> target = ctx.target(true);
            if (target.isEmpty()) {
                ctx.reply("need_target");
                return;
            }
            ctx.bot().moderation().vouch(Platform.TELEGRAM, target.get(), TrustList.Kind.ALLOW, ctx.senderId());
            ctx.audit("ALLOW", "moderator", "allow " + target.get(), AuditLog.Status.DONE);
            ctx.reply("allowed", "target", target.get());
        }
    }

    static final class Trust implements Command {
        public Authority.Scope scope() { return Authority.Scope.BOT; }

        public String name() { return "/trust"; }

        public void run(CommandContext ctx) {
            Optional<String> target = ctx.target(false);
            if (target.isEmpty()) {
                ctx.reply("need_numeric_id");
                return;
            }
            ctx.bot().moderation().vouch(Platform.TELEGRAM, target.get(), TrustList.Kind.TRUST, ctx.senderId());
            ctx.audit("TRUST", "moderator", "trust " + target.get(), AuditLog.Status.DONE);
            ctx.reply("trusted", "target", target.get());
        }
    }

    static final class Warn implements Command {
        public String name() { return "/warn"; }

        public void run(CommandContext ctx) {
            TelegramPost r = ctx.post().replyTo();
            if (r == null) {
                ctx.reply("need_target");
                return;
            }
            var a = r.post().author();
            String name = a.name() != null ? a.name() : a.username() != null ? "@" + a.username() : a.id();
            String mention = r.senderChatId() == null
                    ? "<a href=\"tg://user?id=" + TextCatalog.escapeHtml(a.id()) + "\">" + TextCatalog.escapeHtml(name) + "</a>"
                    : TextCatalog.escapeHtml(name);
            String lang = ctx.bot().settings(ctx.chat()).language();
            Action warn = new Action(Action.Type.REPLY, Platform.TELEGRAM, ctx.chat(), String.valueOf(r.messageId()), a.id(),
                    ctx.bot().texts().render(lang, "warned", ctx.vars("user", mention)), null, "moderator-warning",
                    "moderator " + ctx.senderId() + ": warn");
            ctx.bot().act(warn, ctx.senderId());
        }
    }

    static final class Mute implements Command {
        public String name() { return "/mute"; }

        public void run(CommandContext ctx) {
            Optional<String> target = ctx.target(false);
            if (target.isEmpty()) {
                ctx.reply("need_target");
                return;
            }
            String rest = ctx.argsAfterTarget().trim();
            Duration d = null;
            if (!rest.isEmpty()) {
                var parsed = PolicyRules.parseDuration(rest.split("\\s+")[0]);
                if (parsed.isEmpty()) {
                    ctx.reply("bad_duration", "value", rest);
                    return;
                }
                d = parsed.get();
            }
            boolean channel = target.get().startsWith("-");
            ctx.act(channel ? Action.Type.BAN_SENDER_CHAT : Action.Type.RESTRICT, target.get(), d, "moderator-mute");
            ctx.reply("muted", "target", target.get(), "for",
                    d == null ? ctx.text("muted.forever") : ctx.text("muted.for", "duration", rest.split("\\s+")[0]));
        }
    }

    static final class Ban implements Command {
        public String name() { return "/ban"; }

        public void run(CommandContext ctx) {
            Optional<String> target = ctx.target(false);
            if (target.isEmpty()) {
                ctx.reply("need_target");
                return;
            }
            ctx.act(target.get().startsWith("-") ? Action.Type.BAN_SENDER_CHAT : Action.Type.BAN, target.get(), null, "moderator-ban");
            ctx.reply("banned", "target", target.get());
        }
    }

    static final class Unban implements Command {
        public String name() { return "/unban"; }

        public void run(CommandContext ctx) {
            Optional<String> target = ctx.target(false);
            if (target.isEmpty()) {
                ctx.reply("need_target");
                return;
            }
            ctx.act(Action.Type.UNBAN, target.get(), null, "moderator-unban");
            if (!target.get().startsWith("-")) ctx.act(Action.Type.UNBAN, target.get(), null, io.tidewatch.moderation.Moderation.UNDO_RESTRICT);
            ctx.reply("unbanned", "target", target.get());
        }
    }

    static final class Reload implements Command {
        public Authority.Scope scope() { return Authority.Scope.BOT; }

        public String name() { return "/reload"; }

        public void run(CommandContext ctx) {
            try {
                ctx.bot().reload();
                ctx.audit("RELOAD", "moderator", "rules reloaded", AuditLog.Status.DONE);
                ctx.reply("reloaded");
            } catch (ConfigException e) {
                ctx.audit("RELOAD", "moderator", "refused: " + e.getMessage(), AuditLog.Status.FAILED);
                ctx.reply("reload_failed", "error", e.getMessage());
            }
        }
    }

    static final class Stats implements Command {
        public Authority.Scope scope() { return Authority.Scope.BOT; }

        public String name() { return "/stats"; }

        public void run(CommandContext ctx) {
            int days = 14;
            if (ctx.args().matches("\\d{1,3}")) days = Math.max(1, Math.min(365, Integer.parseInt(ctx.args())));
            var now = ctx.bot().clock().instant();
            var today = now.atZone(ZoneOffset.UTC).toLocalDate();
            var from = today.minusDays(days - 1);
            var counts = ctx.bot().stores().incidents().dailyCounts(from.atStartOfDay(ZoneOffset.UTC).toInstant());
            byte[] png = StatsChart.render(counts, from, today, ctx.text("stats.title"), ctx.text("stats.day"), ctx.text("stats.count"));
            int total = counts.stream().mapToInt(c -> c.count()).sum();
            String incidents = ctx.text("stats.caption", "days", String.valueOf(days), "total", String.valueOf(total));
            var topics = new java.util.TreeMap<String, Integer>();
            for (var t : ctx.bot().stores().support().since(from)) topics.merge(t.topic(), t.answered(), Integer::sum);
            String caption = topics.isEmpty() ? incidents : incidents + "\n" + ctx.text("stats.support", "topics", topics.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).collect(java.util.stream.Collectors.joining(", ")));
            String chat = ctx.chat();
            ctx.bot().queue().submit(OutgoingQueue.Priority.ANSWER, chat, chat.startsWith("-"), "stats chart in " + chat, c -> {
                SendPhoto photo = new SendPhoto(chat, new InputFile(new ByteArrayInputStream(png), "stats.png"));
                photo.setCaption(caption);
                photo.setParseMode("HTML");
                return c.execute(photo);
            });
        }
    }

    static final class DryRun implements Command {
        public String name() { return "/dryrun"; }

        public void run(CommandContext ctx) {
            String arg = ctx.args().toLowerCase(java.util.Locale.ROOT);
            if (!arg.equals("on") && !arg.equals("off")) {
                ctx.reply("dryrun.usage");
                return;
            }
            var moderation = ctx.bot().moderation();
            var old = moderation.override(Platform.TELEGRAM, ctx.chat()).orElse(new ChatSettingsStore.Override(null, null, null));
            moderation.override(Platform.TELEGRAM, ctx.chat(), new ChatSettingsStore.Override(old.language(), arg.equals("on"), old.moderation()));
            ctx.audit("DRY_RUN", "moderator", "dry run " + arg, AuditLog.Status.DONE);
            ctx.reply(arg.equals("on") ? "dryrun.on" : "dryrun.off");
        }
    }

    static final class Language implements Command {
        public String name() { return "/lang"; }

        public void run(CommandContext ctx) {
            String arg = ctx.args().toLowerCase(java.util.Locale.ROOT);
            var languages = ctx.bot().texts().languages();
            if (!languages.contains(arg)) {
                ctx.reply("lang.usage", "languages", String.join(", ", languages));
                return;
            }
            var moderation = ctx.bot().moderation();
            var old = moderation.override(Platform.TELEGRAM, ctx.chat()).orElse(new ChatSettingsStore.Override(null, null, null));
            moderation.override(Platform.TELEGRAM, ctx.chat(), new ChatSettingsStore.Override(arg, old.dryRun(), old.moderation()));
            ctx.audit("LANGUAGE", "moderator", "language " + arg, AuditLog.Status.DONE);
            ctx.reply("lang.set", "language", arg);
        }
    }
}
