package io.tidewatch.detect;

import io.tidewatch.core.Detector;
import io.tidewatch.core.Finding;
import io.tidewatch.core.Post;

import java.util.ArrayList;
import java.util.List;

/** Runs every detector over a post and concatenates their findings, ordered by position. */
public final class CompositeDetector implements Detector {
    private final List<Detector> detectors;

    public CompositeDetector(List<Detector> detectors) {
        this.detectors = List.copyOf(detectors);
    }

    @Override
    public List<Finding> inspect(Post post) {
        List<Finding> all = new ArrayList<>();
        for (Detector d : detectors) all.addAll(d.inspect(post));
        all.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(a.end(), b.end()));
        return all;
    }
}
