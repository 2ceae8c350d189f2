package io.tidewatch.web;

import io.tidewatch.core.Action;
import io.tidewatch.core.Author;
import io.tidewatch.core.BrandProfile;
import io.tidewatch.core.BrandProfileReader;
import io.tidewatch.core.ConfigException;
import io.tidewatch.core.Detector;
import io.tidewatch.core.Finding;
import io.tidewatch.core.Platform;
import io.tidewatch.core.Post;
import io.tidewatch.core.PostKind;
import io.tidewatch.detect.Detectors;
import io.tidewatch.metrics.Metrics;
import io.tidewatch.policy.ChatSettings;
import io.tidewatch.policy.Decision;
import io.tidewatch.policy.Policy;
import io.tidewatch.policy.PolicyContext;
import io.tidewatch.support.SupportAnswer;
import io.tidewatch.support.SupportResponder;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test {@link SandboxEngine} over the real detectors, policy and support responder (the production
 * engine is moderation's): enough to test the web side with real findings, masks and answers. It
 * records metrics as the real pipeline would, so /metrics tests see counters move.
 */
final class DetectingSandboxEngine implements SandboxEngine {
    private record Loaded(Detector detector, Policy policy, SupportResponder responder, BrandProfile brand) {}

    private final Path rulesDir;
    private final Metrics metrics;
    private final Clock clock;
    private final AtomicLong ids = new AtomicLong();
    private volatile Loaded loaded;
    private volatile RulesStatus status;

    DetectingSandboxEngine(Path rulesDir, Metrics metrics, Clock clock) {
        this.rulesDir = rulesDir;
        this.metrics = metrics;
        this.clock = clock;
        this.loaded = load();
        this.status = RulesStatus.loaded(clock.instant());
    }

    private Loaded load() {
        BrandProfile brand = BrandProfileReader.read(rulesDir.resolve("brand.yaml"));
        return new Loaded(Detectors.standard(rulesDir, brand, List.of()), Policy.load(rulesDir, brand),
                SupportResponder.load(rulesDir, brand), brand);
    }

    @Override
    public SandboxReply handle(SandboxRequest r) {
        Loaded l = loaded;
        boolean dm = r.chat() == SandboxRequest.Chat.PRIVATE;
        PostKind kind = dm ? PostKind.DM : r.platform() == Platform.TWITTER ? PostKind.MENTION : PostKind.GROUP;
        Post post = new Post("sandbox-" + ids.incrementAndGet(), r.platform(), kind, dm ? r.user().id() : "sandbox-group",
                clock.instant(), new Author(r.user().id(), r.user().username(), r.user().name()), r.text());
        List<Finding> findings = l.detector().inspect(post);
        metrics.postInspected(r.platform());
        findings.forEach(f -> metrics.finding(f.category(), f.rule()));
        List<Action> actions = new ArrayList<>();
        List<String> replies = new ArrayList<>();
        if (dm) {
            SupportAnswer answer = l.responder().answer(post, findings, clock.instant());
            metrics.supportAnswered(answer.topic(), answer.language());
            replies.add(answer.text());
        } else {
            Decision d = l.policy().decide(post, findings,
                    PolicyContext.of(ChatSettings.defaults(), l.brand().moderators().alertsChat()), key -> true);
            actions.addAll(d.actions());
            d.actions().forEach(a -> metrics.action(a.type(), Metrics.Outcome.DRY_RUN));
            for (Action a : d.actions()) {
                if ((a.type() == Action.Type.REPLY || a.type() == Action.Type.DIRECT_MESSAGE) && a.text() != null) replies.add(a.text());
            }
        }
        return new SandboxReply(findings, actions, replies,
                r.platform() == Platform.TELEGRAM ? SandboxReply.Format.TELEGRAM_HTML : SandboxReply.Format.PLAIN_TEXT);
    }

    @Override
    public RulesStatus reload() {
        try {
            loaded = load();
            status = RulesStatus.loaded(clock.instant());
        } catch (ConfigException e) {
            status = new RulesStatus(status.loadedAt(), e.getMessage());
        }
        return status;
    }

    @Override
    public RulesStatus rules() { return status; }
}
