package io.tidewatch.policy;

import io.tidewatch.core.Action;
import io.tidewatch.core.Author;
import io.tidewatch.core.BrandProfile;
import io.tidewatch.core.Category;
import io.tidewatch.core.Finding;
import io.tidewatch.core.Platform;
import io.tidewatch.core.Post;
import io.tidewatch.core.PostKind;
import io.tidewatch.core.Severity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static io.tidewatch.policy.PolicyRules.CategoryRule.reaches;

/**
 * Turns findings about one post into actions, as {@code rules/policy.yaml} says. Knows nothing of
 * any platform's API: adapters carry the actions out. Texts come from {@code rules/policy/<lang>.yaml}
 * and never contain the secret (only the detector's redacted excerpt reaches the moderators).
 */
public final class Policy {
    private final PolicyRules rules;
    private final TextCatalog texts;
    private final BrandProfile brand;

    public Policy(PolicyRules rules, TextCatalog texts, BrandProfile brand) {
        this.rules = rules;
        this.texts = texts;
        this.brand = brand;
    }

    /** Loads {@code DIR/policy.yaml} and {@code DIR/policy/*.yaml}. */
    public static Policy load(Path rulesDir, BrandProfile brand) {
        return new Policy(PolicyRules.load(rulesDir.resolve("policy.yaml")),
                TextCatalog.load(rulesDir.resolve("policy")), brand);
    }

    public PolicyRules rules() { return rules; }

    public TextCatalog texts() { return texts; }

    /**
     * @param firstTime answers "is this the first time?" for a once-only key (warning a group about one
     *                  impersonator); backed by the store so it holds across restarts and instances
     */
    public Decision decide(Post post, List<Finding> findings, PolicyContext ctx, Predicate<String> firstTime) {
        if (findings.isEmpty() || ctx.trusted() || !ctx.settings().moderation() || post.kind() == PostKind.DM) {
            return Decision.none();
        }
        Map<Category, Finding> worst = new EnumMap<>(Category.class);
        for (Finding f : findings) worst.merge(f.category(), f, (a, b) -> b.severity().compareTo(a.severity()) > 0 ? b : a);

        Plan plan = new Plan();
        String lang = ctx.settings().language();
        for (var e : worst.entrySet()) {
            Finding f = e.getValue();
            if (post.platform() == Platform.TWITTER) {
                twitter(post, f, ctx, plan);
                continue;
            }
            switch (e.getKey()) {
                case SECRET -> secret(post, f, ctx, lang, plan);
                case IMPERSONATION -> impersonation(post, f, ctx, lang, plan, firstTime);
                case PHISHING, SCAM -> badContent(post, f, ctx, lang, plan);
            }
        }
        Finding top = worst.values().stream().max(Comparator.comparing(Finding::severity)).orElseThrow();
        boolean alert = worst.values().stream().anyMatch(f -> reaches(rules.rule(f.category()).alertAt(), f.severity()));
        List<Action> decided = plan.ordered();
        List<Action> actions = new ArrayList<>();
        List<Action> suppressed = new ArrayList<>();
        for (Action a : decided) (ctx.settings().dryRun() ? suppressed : actions).add(a);
        if (alert && ctx.alertsChat() != null) {
            actions.add(alert(post, top, ctx, decided, worst.values()));
        }
        if (ctx.settings().dryRun()) {
            plan.followUps.forEach((a, f) -> { if (f.ifDone() != null) suppressed.add(Decision.followUp(a, f.ifDone())); });
            return new Decision(actions, suppressed);
        }
        return new Decision(actions, suppressed, plan.followUps);
    }

    private void secret(Post post, Finding f, PolicyContext ctx, String lang, Plan plan) {
        var r = rules.rule(Category.SECRET);
        String kind = rules.revocationKind(f.rule());
        String why = "leaked " + kind + " (" + f.severity().wireName() + ")";
        if (post.kind() == PostKind.JOIN) return; // names only: no content to leak
        if (post.kind() == PostKind.CHANNEL) {
            if (rules.channelDeletesSecrets() && reaches(r.deleteAt(), f.severity())) plan.delete(post, f, why);
            return;
        }
        if (reaches(r.deleteAt(), f.severity())) plan.delete(post, f, why);
        boolean canDm = ctx.senderChatId() == null && !post.author().id().isEmpty()
                && reaches(r.dmOwnerAt(), f.severity());
        boolean warn = reaches(r.warnGroupAt(), f.severity());
        if (!canDm) {
            if (warn) plan.reply(post, f, why, texts.render(lang, "leak.warning.no_dm", vars(post, ctx, lang, kind)));
            return;
        }
        String ownerLang = post.language() != null ? texts.language(post.language()) : lang;
        String text = texts.render(ownerLang, "revoke." + (texts.has("revoke." + kind) ? kind : "generic"),
                vars(post, ctx, ownerLang, kind));
        if (reaches(r.urgentAt(), f.severity())) text = texts.render(ownerLang, "revoke.urgent") + "\n" + text;
        Action dm = new Action(Action.Type.DIRECT_MESSAGE, post.platform(), post.chat(), post.id(), post.author().id(),
                text, null, f.rule(), why);
        plan.add(dm);
        // the group hears how the steps reach the owner once that is known: most leakers never opened a chat with the bot
        if (warn) {
            plan.followUp(dm, new Decision.FollowUp(texts.render(lang, "leak.warning", vars(post, ctx, lang, kind)),
                    texts.render(lang, "leak.warning.no_dm", vars(post, ctx, lang, kind))));
        }
    }

    private void impersonation(Post post, Finding f, PolicyContext ctx, String lang, Plan plan, Predicate<String> firstTime) {
        if (post.kind() == PostKind.CHANNEL) return;
        var r = rules.rule(Category.IMPERSONATION);
        String why = "impersonation (" + f.severity().wireName() + "): " + f.reason();
        if (post.kind() != PostKind.JOIN && reaches(r.deleteAt(), f.severity())) plan.delete(post, f, why);
        punish(post, f, ctx, r, why, plan);
        if (reaches(r.warnGroupAt(), f.severity())
                && firstTime.test("impersonation-warning:" + post.platform().wireName() + ":" + post.chat() + ":" + subject(post, ctx))) {
            plan.reply(post, f, why, texts.render(lang, "impersonation.warning", vars(post, ctx, lang, null)));
        }
    }

    private void badContent(Post post, Finding f, PolicyContext ctx, String lang, Plan plan) {
        if (post.kind() == PostKind.CHANNEL || post.kind() == PostKind.JOIN) return;
        var r = rules.rule(f.category());
        String why = f.category().wireName() + " (" + f.severity().wireName() + "): " + f.reason();
        if (reaches(r.deleteAt(), f.severity())) plan.delete(post, f, why);
        punish(post, f, ctx, r, why, plan);
        if (reaches(r.warnGroupAt(), f.severity())) {
            plan.reply(post, f, why, texts.render(lang, f.category().wireName() + ".warning", vars(post, ctx, lang, null)));
        }
    }

    /**
     * On X nothing can be deleted: a reply under an official post is hidden, an account blocked or
     * muted, and a leak anywhere else answered in public (never repeating it) with the revocation
     * steps by DM. Texts are plain (no HTML) and in the poster's language when X names it.
     */
    private void twitter(Post post, Finding f, PolicyContext ctx, Plan plan) {
        if (post.kind() != PostKind.REPLY && post.kind() != PostKind.MENTION) return;
        PolicyRules.TwitterRule t = rules.twitter();
        String lang = post.language() != null ? texts.language(post.language()) : texts.language(ctx.settings().language());
        boolean hidden = post.kind() == PostKind.REPLY && reaches(t.hideReplyAt(f.category()), f.severity());
        String why = f.category().wireName() + " (" + f.severity().wireName() + ")"
                + (f.category() == Category.SECRET ? ": leaked " + rules.revocationKind(f.rule()) : f.reason().isEmpty() ? "" : ": " + f.reason());
        if (hidden) plan.add(new Action(Action.Type.HIDE_REPLY, post.platform(), post.chat(), post.id(), post.author().id(),
                null, null, f.rule(), why));
        if (!post.author().id().isEmpty()) {
            if (reaches(t.blockAt(f.category()), f.severity())) {
                plan.add(new Action(Action.Type.BLOCK, post.platform(), post.chat(), post.id(), post.author().id(), null, null, f.rule(), why));
            } else if (reaches(t.muteAt(f.category()), f.severity())) {
                plan.add(new Action(Action.Type.MUTE, post.platform(), post.chat(), post.id(), post.author().id(), null, null, f.rule(), why));
            }
        }
        if (f.category() != Category.SECRET || post.author().id().isEmpty()) return;
        String kind = rules.revocationKind(f.rule());
        Map<String, String> v = plainVars(post, lang, kind);
        String noDm = t.replyToLeaks() ? texts.renderPlain(lang, "twitter.leak.reply.no_dm", v) : null;
        if (!reaches(t.dmOwnerAt(), f.severity())) {
            if (noDm != null) plan.reply(post, f, why, noDm);
            return;
        }
        String text = texts.renderPlain(lang, "twitter.revoke." + (texts.has("twitter.revoke." + kind) ? kind : "generic"), v);
        if (reaches(rules.rule(Category.SECRET).urgentAt(), f.severity())) text = texts.renderPlain(lang, "twitter.revoke.urgent", v) + "\n" + text;
        Action dm = new Action(Action.Type.DIRECT_MESSAGE, post.platform(), post.chat(), post.id(), post.author().id(),
                text, null, f.rule(), why);
        plan.add(dm);
        // the public reply follows the DM's outcome; under a hidden reply only when the DM could not be sent
        String sent = hidden || !t.replyToLeaks() ? null : texts.renderPlain(lang, "twitter.leak.reply", v);
        if (sent != null || noDm != null) plan.followUp(dm, new Decision.FollowUp(sent, noDm));
    }

    /** Values for plain-text (Twitter) texts: the author as @handle, nothing escaped. */
    private Map<String, String> plainVars(Post post, String lang, String kind) {
        Map<String, String> v = new LinkedHashMap<>();
        Author a = post.author();
        v.put("user", a.username() != null && !a.username().isBlank() ? "@" + a.username() : a.name() != null ? a.name() : a.id());
        v.put("brand", brand.brand().name());
        v.put("domains", String.join(", ", brand.brand().domains()));
        v.put("kind_name", texts.render(lang, "kind." + (texts.has("kind." + kind) ? kind : "generic")));
        return v;
    }

    private void punish(Post post, Finding f, PolicyContext ctx, PolicyRules.CategoryRule r, String why, Plan plan) {
        boolean ban = reaches(r.banAt(), f.severity());
        boolean restrict = !ban && reaches(r.restrictAt(), f.severity());
        if (!ban && !restrict) return;
        if (ctx.senderChatId() != null) {
            // a channel cannot be muted: it is banned from posting in the chat
            plan.add(new Action(Action.Type.BAN_SENDER_CHAT, post.platform(), post.chat(), post.id(), ctx.senderChatId(),
                    null, null, f.rule(), why));
        } else if (!post.author().id().isEmpty()) {
            plan.add(new Action(ban ? Action.Type.BAN : Action.Type.RESTRICT, post.platform(), post.chat(), post.id(),
                    post.author().id(), null, ban ? null : r.restrictFor(), f.rule(), why));
        }
    }

    private Action alert(Post post, Finding top, PolicyContext ctx, List<Action> decided, java.util.Collection<Finding> worst) {
        String lang = ctx.alertLanguage();
        Map<String, String> v = new LinkedHashMap<>(vars(post, ctx, lang, null));
        v.put("category", texts.render(lang, "category." + top.category().wireName()));
        v.put("rule", top.rule());
        v.put("severity", top.severity().wireName());
        v.put("user_id", ctx.senderChatId() != null ? ctx.senderChatId() : post.author().id());
        v.put("link", ctx.messageLink() == null ? "-" : ctx.messageLink());
        v.put("excerpt", top.excerpt());
        v.put("reason", worst.stream().map(f -> f.category().wireName() + ": " + (f.reason().isEmpty() ? f.rule() : f.reason()))
                .collect(Collectors.joining("; ")));
        String done = decided.stream().map(a -> a.type().name().toLowerCase(java.util.Locale.ROOT)).distinct()
                .collect(Collectors.joining(", "));
        v.put("done", done.isEmpty() ? texts.render(lang, "alert.nothing") : done);
        String text = texts.render(lang, "alert.title." + top.severity().wireName(), v) + "\n" + texts.render(lang, "alert.body", v);
        if (ctx.settings().dryRun()) text = texts.render(lang, "alert.dry_run") + "\n" + text;
        return new Action(Action.Type.ALERT_MODERATORS, post.platform(), ctx.alertsChat(), post.id(),
                v.get("user_id"), text, null, top.rule(), top.category().wireName() + " " + top.severity().wireName());
    }

    private Map<String, String> vars(Post post, PolicyContext ctx, String lang, String kind) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("user", mention(post, ctx));
        v.put("brand", brand.brand().name());
        v.put("domains", String.join(", ", brand.brand().domains()));
        v.put("chat", ctx.chatTitle() == null ? post.chat() : ctx.chatTitle());
        if (kind != null) v.put("kind_name", texts.render(lang, "kind." + (texts.has("kind." + kind) ? kind : "generic")));
        return v;
    }

    /** An HTML mention of the author (never their message): a Telegram user link, or @handle elsewhere. */
    static String mention(Post post, PolicyContext ctx) {
        Author a = post.author();
        String name = a.name() != null && !a.name().isBlank() ? a.name() : a.username() != null ? "@" + a.username() : a.id();
        if (post.platform() == Platform.TELEGRAM && ctx.senderChatId() == null && !a.id().isEmpty()) {
            return "<a href=\"tg://user?id=" + TextCatalog.escapeHtml(a.id()) + "\">" + TextCatalog.escapeHtml(name) + "</a>";
        }
        if (post.platform() == Platform.TWITTER && a.username() != null) return "@" + TextCatalog.escapeHtml(a.username());
        return TextCatalog.escapeHtml(name);
    }

    private static String subject(Post post, PolicyContext ctx) {
        return ctx.senderChatId() != null ? ctx.senderChatId() : post.author().id();
    }

    /** Collects actions once each, then orders them: remove content, act on people, speak, alert. */
    private static final class Plan {
        private final Map<String, Action> byKey = new LinkedHashMap<>();
        private final Map<Action, Decision.FollowUp> followUps = new LinkedHashMap<>();

        /** A reply that follows {@code a}'s outcome; it takes the author's one reply slot. */
        void followUp(Action a, Decision.FollowUp f) {
            if (byKey.containsValue(a) && byKey.putIfAbsent(Action.Type.REPLY + "|" + a.userId(), RESERVED) == null) {
                followUps.put(a, f);
            }
        }

        void delete(Post post, Finding f, String why) {
            add(new Action(Action.Type.DELETE_MESSAGE, post.platform(), post.chat(), post.id(), post.author().id(),
                    null, null, f.rule(), why));
        }

        void reply(Post post, Finding f, String why, String text) {
            add(new Action(Action.Type.REPLY, post.platform(), post.chat(), post.id(), post.author().id(),
                    text, null, f.rule(), why));
        }

        void add(Action a) {
            String key = a.type() + "|" + a.userId();
            if (a.type() == Action.Type.BAN) byKey.remove(Action.Type.RESTRICT + "|" + a.userId());
            if (a.type() == Action.Type.RESTRICT && byKey.containsKey(Action.Type.BAN + "|" + a.userId())) return;
            byKey.putIfAbsent(key, a);
        }

        /** Holds a reply slot for a follow-up; never an action of its own. */
        private static final Action RESERVED = new Action(Action.Type.REPLY, Platform.LOCAL, null, null, null, null, null, "", "");

        List<Action> ordered() {
            List<Action> out = new ArrayList<>(byKey.values());
            out.remove(RESERVED);
            out.sort(Comparator.comparingInt(a -> order(a.type())));
            return out;
        }

        private static int order(Action.Type t) {
            return switch (t) {
                case DELETE_MESSAGE, HIDE_REPLY -> 0;
                case BAN, BAN_SENDER_CHAT, RESTRICT, BLOCK, MUTE -> 1;
                case REPLY -> 2;
                case DIRECT_MESSAGE -> 3;
                default -> 4;
            };
        }
    }

    /** Exposed for tests and for the adapters' texts. */
    public static Severity worstOf(List<Finding> findings) {
        return findings.stream().map(Finding::severity).max(Comparator.naturalOrder()).orElse(Severity.LOW);
    }
}
