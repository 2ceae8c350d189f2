package io.tidewatch.core;

import java.util.List;

/** Looks at one post and says what is wrong with it. Implementations are thread-safe. */
public interface Detector {
    List<Finding> inspect(Post post);
}
