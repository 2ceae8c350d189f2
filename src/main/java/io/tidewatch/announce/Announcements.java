package io.tidewatch.announce;

import io.tidewatch.core.Platform;
import io.tidewatch.store.PublishLedger;
import io.tidewatch.store.PublishLedger.Key;
import io.tidewatch.store.PublishLedger.Part;
import io.tidewatch.store.PublishLedger.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Announcements as moderators and the scheduler see them: list, preview, publish now, cancel, and one
 * scheduler tick ({@link #publishDue}). Exactly once: a part's ledger row is claimed (unique insert or
 * conditional update) and its intent recorded BEFORE it is sent; a part left in "sending" by a dead
 * sender is reconciled with {@link Publisher#findSent} once its claim's lease has passed, and never
 * resent when the platform cannot tell. Parts of one target and language go out in order; on Twitter
 * each part replies to the previous one.
 */
public final class Announcements {
    private static final Logger log = LoggerFactory.getLogger(Announcements.class);

    /**
     * @param lease        how long a claim on a part in "sending" holds; longer than any send can take
     * @param pastDueGrace how late after publish_at an unstarted announcement still publishes by itself
     * @param firstRetry   back-off after the first retryable failure; doubles up to {@code maxRetry}
     */
    public record Settings(Duration lease, Duration pastDueGrace, Duration firstRetry, Duration maxRetry) {
        public static Settings defaults() {
            return new Settings(Duration.ofMinutes(2), Duration.ofHours(24), Duration.ofSeconds(30), Duration.ofMinutes(30));
        }
    }

    private final AnnouncementDirectory directory;
    private final PublishLedger ledger;
    private final Map<Platform, Publisher> publishers;
    private final Clock clock;
    private final Settings settings;
    private final String instance;

    public Announcements(AnnouncementDirectory directory, PublishLedger ledger, List<Publisher> publishers, Clock clock,
                         Settings settings) {
        this.directory = directory;
        this.ledger = ledger;
        Map<Platform, Publisher> byPlatform = new HashMap<>();
        for (Publisher p : publishers) byPlatform.put(p.platform(), p);
        this.publishers = Map.copyOf(byPlatform);
        this.clock = clock;
        this.settings = settings;
        this.instance = UUID.randomUUID().toString().substring(0, 8);
    }

    public Clock clock() { return clock; }

    // --- moderators ---

    /** Every announcement on file or in the ledger, with its schedule, deliveries and problems. */
    public List<AnnouncementStatus> list() {
        Instant now = clock.instant();
        List<AnnouncementDirectory.Entry> entries = directory.load();
        Map<String, PublishLedger.Request> requests = ledger.requests();
        Map<String, List<Part>> parts = ledger.all().stream()
                .collect(Collectors.groupingBy(p -> p.key().announcementId(), LinkedHashMap::new, Collectors.toList()));
        List<AnnouncementStatus> out = new ArrayList<>();
        for (var e : entries) out.add(status(e, requests.get(e.id()), parts.getOrDefault(e.id(), List.of()), now));
        Set<String> onFile = entries.stream().map(AnnouncementDirectory.Entry::id).collect(Collectors.toSet());
        for (var p : parts.entrySet()) {
            if (onFile.contains(p.getKey())) continue;
            out.add(new AnnouncementStatus(p.getKey(), "", AnnouncementStatus.Schedule.DELETED, null, null,
                    deliveries(p.getValue()), ledgerProblems(p.getKey(), p.getValue(), null)));
        }
        return out;
    }

    /** The renderings and problems of one announcement, including what the ledger knows. */
    public Preview preview(String id) {
        AnnouncementDirectory.Entry e = entry(id);
        List<String> problems = new ArrayList<>(e.problems().stream().map(Problem::toString).toList());
        problems.addAll(ledgerProblems(id, ledger.parts(id), e));
        return new Preview(id, e.rendering(), problems);
    }

    /** "/announce publish": makes the announcement due now (persisted); the next tick publishes it. */
    public void publishNow(String id, String by) {
        AnnouncementDirectory.Entry e = entry(id);
        if (!e.publishable()) {
            throw new IllegalArgumentException(id + " has problems and cannot be published: "
                    + e.problems().stream().map(Problem::toString).collect(Collectors.joining("; ")));
        }
        if (e.announcement().isExpired(clock.instant())) throw new IllegalArgumentException(id + " has expired (expires_at)");
        ledger.requestPublish(id, by == null ? "unknown" : by, clock.instant());
    }

    public void publishNow(String id) { publishNow(id, "cli"); }

    /** "/announce cancel": nothing more is published; pinned parts are unpinned. Persisted. */
    public void cancel(String id, String by) {
        boolean known = directory.find(id).isPresent() || !ledger.parts(id).isEmpty();
        if (!known) throw new IllegalArgumentException("no announcement '" + id + "'");
        ledger.cancel(id, by == null ? "unknown" : by, clock.instant());
        unpinAll(id, clock.instant());
    }

    public void cancel(String id) { cancel(id, "cli"); }

    /**
     * A moderator settles the parts of {@code id} whose sending could not be confirmed ("unknown"):
     * {@code resend} true sends them again on the next tick, false records them as sent (the moderator
     * saw them in the chat). Returns how many parts were settled.
     */
    public int resolveUnknown(String id, boolean resend, String by) {
        int n = 0;
        for (Part p : ledger.parts(id)) {
            if (p.state() == State.UNKNOWN && ledger.resolveUnknown(p.key(), resend, by == null ? "unknown" : by, clock.instant())) n++;
        }
        return n;
    }

    // --- the scheduler ---

    /** On start-up (and every tick): resolves parts a dead sender left in "sending". Returns parts sent. */
    public int reconcile(Instant now) {
        Map<String, AnnouncementDirectory.Entry> entries = new HashMap<>();
        for (var e : directory.load()) entries.put(e.id(), e);
        return reconcile(now, entries);
    }

    /** One scheduler tick: reconciles, publishes what is due, applies edits, unpins; returns parts sent. */
    public int publishDue(Instant now) {
        List<AnnouncementDirectory.Entry> loaded = directory.load();
        Map<String, AnnouncementDirectory.Entry> entries = new HashMap<>();
        for (var e : loaded) entries.put(e.id(), e);
        int sent = reconcile(now, entries);
        Map<String, PublishLedger.Request> requests = ledger.requests();
        for (var e : loaded) {
            if (!e.publishable()) continue;
            Announcement a = e.announcement();
            PublishLedger.Request req = requests.get(e.id());
            if ((req != null && req.cancelled()) || a.isExpired(now)) {
                unpinAll(e.id(), now);
                continue;
            }
            List<Part> existing = ledger.parts(e.id());
            if (isDue(a, req, now, !existing.isEmpty())) sent += publish(e, now);
            if (!existing.isEmpty()) applyEdits(e, now);
        }
        Set<String> deleted = ledger.all().stream().map(p -> p.key().announcementId())
                .filter(id -> !entries.containsKey(id)).collect(Collectors.toSet());
        for (String id : deleted) unpinAll(id, now);
        return sent;
    }

    private boolean isDue(Announcement a, PublishLedger.Request req, Instant now, boolean started) {
        if (req != null && req.requestedAt() != null) return true;
        if (a.publishAt() == null) return false;
        Instant at = a.publishAt().toInstant();
        if (at.isAfter(now)) return false;
        return started || Duration.between(at, now).compareTo(settings.pastDueGrace()) <= 0;
    }

    private int publish(AnnouncementDirectory.Entry e, Instant now) {
        Announcement a = e.announcement();
        int sent = 0;
        for (Target t : a.targets()) {
            Publisher publisher = publishers.get(t.platform());
            if (publisher == null) continue;
            for (String lang : a.languages()) {
                if (!t.wants(lang)) continue;
                sent += publishSequence(a.id(), t, lang, parts(e, t.platform(), lang), a.pin(), publisher, now);
            }
        }
        return sent;
    }

    private static List<String> parts(AnnouncementDirectory.Entry e, Platform platform, String lang) {
        Map<String, List<String>> byLang = platform == Platform.TWITTER ? e.rendering().twitter() : e.rendering().telegram();
        return byLang.getOrDefault(lang, List.of());
    }

    private int publishSequence(String id, Target t, String lang, List<String> parts, boolean pin, Publisher publisher,
                                Instant now) {
        int n = parts.size();
        int sent = 0;
        String previous = null;
        for (int i = 0; i < n; i++) {
            Key key = new Key(id, t.key(), lang, i + 1);
            String content = parts.get(i);
            String hash = hash(content);
            boolean pinThis = pin && i == 0 && t.platform() == Platform.TELEGRAM;
            Optional<Part> row = ledger.find(key);
            Optional<String> token;
            int attempts;
            if (row.isEmpty()) {
                token = ledger.claimNew(key, n, hash, pinThis, instance, now);
                attempts = 1;
            } else {
                Part p = row.get();
                if (p.partCount() != n) return sent;
                if (p.state() == State.SENT) {
                    previous = p.messageId();
                    continue;
                }
                if (p.state() != State.FAILED || p.nextAttemptAt() == null || p.nextAttemptAt().isAfter(now)) return sent;
                token = ledger.claimRetry(key, hash, instance, now);
                attempts = p.attempts() + 1;
            }
            if (token.isEmpty()) return sent; // another instance holds this part
            String messageId = send(key, token.get(), t, content, replyTo(t, previous), pinThis, publisher, attempts, now);
            if (messageId == null) return sent;
            sent++;
            previous = messageId;
        }
        return sent;
    }

    private static String replyTo(Target t, String previous) {
        return t.platform() == Platform.TWITTER ? previous : null;
    }

    /** Sends a claimed part and records the outcome; null when it was not sent. */
    private String send(Key key, String token, Target t, String content, String replyTo, boolean pin,
                        Publisher publisher, int attempts, Instant now) {
        try {
            String messageId = publisher.send(t.chat(), content, replyTo, pin);
            if (!ledger.markSent(key, token, messageId, now)) {
                log.warn("announcement {} part {} to {}: sent as {} but the claim was taken over meanwhile",
                        key.announcementId(), key.partNo(), key.target(), messageId);
            }
            return messageId;
        } catch (PublishException.Unknowable ex) {
            ledger.markUnknown(key, token, "the platform could not confirm the send: " + ex.getMessage());
            log.warn("announcement {} part {} to {}: outcome unknown; not resending", key.announcementId(), key.partNo(), key.target());
            return null;
        } catch (PublishException ex) {
            String reason = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            Instant retryAt = ex.retryable() ? now.plus(backoff(attempts)) : null;
            ledger.markFailed(key, token, reason, retryAt);
            log.warn("announcement {} part {} to {} failed (attempt {}): {}{}", key.announcementId(), key.partNo(),
                    key.target(), attempts, reason, retryAt == null ? "; not retried" : "; retry at " + retryAt);
            return null;
        }
    }

    Duration backoff(int attempts) {
        Duration d = settings.firstRetry();
        for (int i = 1; i < attempts && d.compareTo(settings.maxRetry()) < 0; i++) d = d.multipliedBy(2);
        return d.compareTo(settings.maxRetry()) > 0 ? settings.maxRetry() : d;
    }

    private int reconcile(Instant now, Map<String, AnnouncementDirectory.Entry> entries) {
        int sent = 0;
        for (Part p : ledger.staleSending(now.minus(settings.lease()))) {
            Target target = targetOf(p.key().target());
            Publisher publisher = target == null ? null : publishers.get(target.platform());
            if (publisher == null) continue; // an instance with this platform will reconcile it
            Optional<String> token = ledger.claimStale(p.key(), p.claimToken(), instance, now);
            if (token.isEmpty()) continue;
            String content = currentContent(entries.get(p.key().announcementId()), target, p);
            if (content == null) {
                ledger.markUnknown(p.key(), token.get(), "interrupted while sending, and the text changed since: cannot check whether it was sent");
                continue;
            }
            try {
                Optional<String> found = publisher.findSent(target.chat(), content, p.sendingSince());
                if (found.isPresent()) {
                    ledger.markSent(p.key(), token.get(), found.get(), now);
                    log.info("announcement {} part {} to {}: found as sent ({}) after an interruption",
                            p.key().announcementId(), p.key().partNo(), p.key().target(), found.get());
                } else if (ledger.restartSending(p.key(), token.get(), p.contentHash(), now)) {
                    String previous = p.key().partNo() == 1 ? null : ledger.find(new Key(p.key().announcementId(),
                            p.key().target(), p.key().language(), p.key().partNo() - 1)).map(Part::messageId).orElse(null);
                    if (send(p.key(), token.get(), target, content, replyTo(target, previous), p.pin(), publisher,
                            p.attempts() + 1, now) != null) sent++;
                }
            } catch (PublishException.Unknowable ex) {
                ledger.markUnknown(p.key(), token.get(), "interrupted while sending; " + ex.getMessage());
                log.warn("announcement {} part {} to {}: cannot tell whether it was sent; not resending",
                        p.key().announcementId(), p.key().partNo(), p.key().target());
            } catch (PublishException ex) {
                log.warn("announcement {} part {} to {}: reconciliation failed, will retry: {}",
                        p.key().announcementId(), p.key().partNo(), p.key().target(), ex.getMessage());
            }
        }
        return sent;
    }

    /** The text the part had when it was claimed, if the file still renders it identically. */
    private static String currentContent(AnnouncementDirectory.Entry e, Target t, Part p) {
        if (e == null || e.rendering() == null) return null;
        List<String> parts = parts(e, t.platform(), p.key().language());
        if (parts.size() != p.partCount() || p.key().partNo() > parts.size()) return null;
        String content = parts.get(p.key().partNo() - 1);
        return hash(content).equals(p.contentHash()) ? content : null;
    }

    private static Target targetOf(String key) {
        int colon = key.indexOf(':');
        if (colon < 0) return null;
        try {
            return new Target(Platform.fromWire(key.substring(0, colon)), key.substring(colon + 1), key, List.of());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void applyEdits(AnnouncementDirectory.Entry e, Instant now) {
        Map<String, List<Part>> sequences = ledger.parts(e.id()).stream().collect(Collectors.groupingBy(
                p -> p.key().target() + "\n" + p.key().language(), LinkedHashMap::new, Collectors.toList()));
        for (List<Part> seq : sequences.values()) {
            Target target = targetOf(seq.get(0).key().target());
            Publisher publisher = target == null ? null : publishers.get(target.platform());
            if (publisher == null) continue;
            List<String> parts = parts(e, target.platform(), seq.get(0).key().language());
            if (parts.size() != seq.get(0).partCount()) continue; // reported by ledgerProblems, never re-posted
            for (Part p : seq) {
                if (p.state() != State.SENT || p.messageId() == null) continue;
                String content = parts.get(p.key().partNo() - 1);
                String hash = hash(content);
                if (hash.equals(p.contentHash()) || hash.equals(p.editRefusedHash())) continue;
                try {
                    if (publisher.edit(target.chat(), p.messageId(), content)) {
                        ledger.markEdited(p.key(), p.contentHash(), hash, now);
                    } else {
                        ledger.markEditRefused(p.key(), hash);
                    }
                } catch (PublishException ex) {
                    log.warn("announcement {} part {} to {}: edit failed: {}", e.id(), p.key().partNo(), p.key().target(), ex.getMessage());
                    if (!ex.retryable()) ledger.markEditRefused(p.key(), hash);
                }
            }
        }
    }

    private void unpinAll(String id, Instant now) {
        for (Part p : ledger.parts(id)) {
            if (!p.pin() || p.state() != State.SENT || p.unpinnedAt() != null || p.messageId() == null) continue;
            Target target = targetOf(p.key().target());
            Publisher publisher = target == null ? null : publishers.get(target.platform());
            if (publisher == null || !ledger.claimUnpin(p.key(), now)) continue;
            try {
                publisher.unpin(target.chat(), p.messageId());
            } catch (PublishException ex) {
                ledger.releaseUnpin(p.key());
                log.warn("announcement {}: unpin in {} failed, will retry: {}", id, p.key().target(), ex.getMessage());
            }
        }
    }

    // --- status ---

    private AnnouncementStatus status(AnnouncementDirectory.Entry e, PublishLedger.Request req, List<Part> parts, Instant now) {
        Announcement a = e.announcement();
        List<String> problems = new ArrayList<>(e.problems().stream().map(Problem::toString).toList());
        problems.addAll(ledgerProblems(e.id(), parts, e));
        List<AnnouncementStatus.Delivery> deliveries = new ArrayList<>();
        AnnouncementStatus.Schedule schedule;
        if (a == null) {
            return new AnnouncementStatus(e.id(), "", AnnouncementStatus.Schedule.INVALID, null, null, deliveries(parts), problems);
        }
        Map<String, List<Part>> bySeq = parts.stream().collect(Collectors.groupingBy(
                p -> p.key().target() + "\n" + p.key().language(), LinkedHashMap::new, Collectors.toList()));
        boolean complete = true;
        for (Target t : a.targets()) {
            for (String lang : a.languages()) {
                if (!t.wants(lang)) continue;
                List<Part> seq = bySeq.getOrDefault(t.key() + "\n" + lang, List.of());
                int total = e.rendering() == null ? seq.size() : parts(e, t.platform(), lang).size();
                deliveries.add(delivery(t.key(), lang, seq, Math.max(total, seq.isEmpty() ? total : seq.get(0).partCount())));
                if (seq.stream().filter(p -> p.state() == State.SENT).count() < total) complete = false;
            }
        }
        if (!publishers.isEmpty()) {
            a.targets().stream().map(Target::platform).distinct().filter(pl -> !publishers.containsKey(pl)).forEach(pl ->
                    problems.add(e.id() + ": no " + pl.wireName() + " publisher is running: its parts wait until one is"));
        }
        boolean started = !parts.isEmpty();
        if (!e.publishable()) schedule = AnnouncementStatus.Schedule.INVALID;
        else if (req != null && req.cancelled()) schedule = AnnouncementStatus.Schedule.CANCELLED;
        else if (a.isExpired(now)) schedule = AnnouncementStatus.Schedule.EXPIRED;
        else if (started) schedule = complete ? AnnouncementStatus.Schedule.PUBLISHED : AnnouncementStatus.Schedule.PUBLISHING;
        else if (req != null && req.requestedAt() != null) schedule = AnnouncementStatus.Schedule.DUE;
        else if (a.publishAt() == null) schedule = AnnouncementStatus.Schedule.DRAFT;
        else if (a.publishAt().toInstant().isAfter(now)) schedule = AnnouncementStatus.Schedule.SCHEDULED;
        else if (isDue(a, null, now, false)) schedule = AnnouncementStatus.Schedule.DUE;
        else {
            schedule = AnnouncementStatus.Schedule.MISSED;
            problems.add(e.announcement().file() + ": publish_at: passed more than " + settings.pastDueGrace().toHours()
                    + "h ago before anything was sent; not published automatically (use /announce publish)");
        }
        return new AnnouncementStatus(e.id(), a.title(a.languages().isEmpty() ? "" : a.languages().get(0)), schedule,
                a.publishAt(), a.expiresAt(), deliveries, problems);
    }

    private static List<AnnouncementStatus.Delivery> deliveries(List<Part> parts) {
        Map<String, List<Part>> bySeq = parts.stream().collect(Collectors.groupingBy(
                p -> p.key().target() + "\n" + p.key().language(), LinkedHashMap::new, Collectors.toList()));
        List<AnnouncementStatus.Delivery> out = new ArrayList<>();
        for (List<Part> seq : bySeq.values()) {
            out.add(delivery(seq.get(0).key().target(), seq.get(0).key().language(), seq, seq.get(0).partCount()));
        }
        return out;
    }

    private static AnnouncementStatus.Delivery delivery(String target, String lang, List<Part> seq, int total) {
        int sent = (int) seq.stream().filter(p -> p.state() == State.SENT).count();
        String state = sent == total && total > 0 ? "sent"
                : seq.stream().anyMatch(p -> p.state() == State.UNKNOWN) ? "unknown"
                : seq.stream().anyMatch(p -> p.state() == State.FAILED) ? "failed"
                : seq.stream().anyMatch(p -> p.state() == State.SENDING) ? "sending" : "pending";
        List<String> ids = seq.stream().filter(p -> p.messageId() != null).map(Part::messageId).toList();
        return new AnnouncementStatus.Delivery(target, lang, sent, total, state, ids);
    }

    /** What moderators must know from the ledger: unknown or failed parts, edits that cannot be applied. */
    private static List<String> ledgerProblems(String id, List<Part> parts, AnnouncementDirectory.Entry e) {
        List<String> out = new ArrayList<>();
        java.util.Set<String> countReported = new java.util.HashSet<>();
        for (Part p : parts) {
            String where = id + " part " + p.key().partNo() + "/" + p.partCount() + " to " + p.key().target()
                    + " (" + p.key().language() + ")";
            switch (p.state()) {
                case UNKNOWN -> out.add(where + ": may or may not have been sent (" + p.lastError()
                        + "); not resent: check the chat and post it by hand if it is missing");
                case FAILED -> out.add(where + ": failed: " + p.lastError()
                        + (p.nextAttemptAt() == null ? " (not retried)" : " (retry at " + p.nextAttemptAt() + ")"));
                default -> { }
            }
            if (e == null || e.rendering() == null || p.state() != State.SENT) continue;
            Target t = targetOf(p.key().target());
            if (t == null) continue;
            List<String> now = parts(e, t.platform(), p.key().language());
            if (now.size() != p.partCount()) {
                if (countReported.add(p.key().target() + p.key().language())) {
                    out.add(id + " to " + p.key().target() + " (" + p.key().language() + "): edited from "
                            + p.partCount() + " to " + now.size() + " parts; not re-posted: edit within the same"
                            + " number of parts, or publish a new announcement");
                }
            } else if (hash(now.get(p.key().partNo() - 1)).equals(p.editRefusedHash())) {
                out.add(where + ": edited after publishing, but " + t.platform().wireName()
                        + " cannot edit a published post: the change is not applied there");
            }
        }
        return out;
    }

    private AnnouncementDirectory.Entry entry(String id) {
        return directory.find(id).orElseThrow(() -> new IllegalArgumentException("no announcement '" + id
                + "' in " + directory.dir()));
    }

    static String hash(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
