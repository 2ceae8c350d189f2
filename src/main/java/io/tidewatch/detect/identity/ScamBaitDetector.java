package io.tidewatch.detect.identity;

import io.tidewatch.core.BrandProfile;
import io.tidewatch.core.Category;
import io.tidewatch.core.Detector;
import io.tidewatch.core.Finding;
import io.tidewatch.core.Post;
import io.tidewatch.core.PostKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Finds support-scam bait in posts by non-official accounts: category {@code scam}, one finding per rule. */
public final class ScamBaitDetector implements Detector {
    private final BrandProfile brand;
    private final ScamBaitMatcher matcher;

    public ScamBaitDetector(BrandProfile brand, ScamBaitMatcher matcher) {
        this.brand = brand;
        this.matcher = matcher;
    }

    @Override
    public List<Finding> inspect(Post post) {
        if (post.kind() == PostKind.JOIN || brand.isTrusted(post.platform(), post.author().id())) return List.of();
        List<Finding> out = new ArrayList<>();
        for (ScamBait b : matcher.find(post.text())) {
            String reason = matcher.rules().reason().render(post.language(), Map.of("rule", b.rule().id(), "excerpt", b.excerpt()));
            out.add(new Finding(Category.SCAM, b.rule().id(), b.rule().severity(), b.start(), b.end(), b.excerpt(), reason, null));
        }
        return out;
    }
}
