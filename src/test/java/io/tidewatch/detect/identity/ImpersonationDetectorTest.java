package io.tidewatch.detect.identity;

import io.tidewatch.core.Author;
import io.tidewatch.core.Category;
import io.tidewatch.core.Finding;
import io.tidewatch.core.Platform;
import io.tidewatch.core.Post;
import io.tidewatch.core.PostKind;
import io.tidewatch.detect.TestBrands;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The impersonation detector remembers each account's verdict: judged once, judged again when a name changes. */
class ImpersonationDetectorTest {
    private static ImpersonationDetector detector(int remembered) {
        return new ImpersonationDetector(TestBrands.EXAMPLE, NameJudgeTest.judgeFor(TestBrands.EXAMPLE), NameJudgeTest.RULES, remembered);
    }

    private static Post post(String id, String username, String name) {
        return new Post("p", Platform.TELEGRAM, PostKind.GROUP, "-1001", Instant.EPOCH, new Author(id, username, name), "gm");
    }

    @Test
    void a_known_author_posting_again_is_a_remembered_verdict_not_a_new_judgement() {
        ImpersonationDetector d = detector(1000);
        for (int i = 0; i < 5; i++) assertEquals(List.of(), d.inspect(post("42", "alice", "Alice")));
        assertEquals(1, d.rememberedVerdicts().missCount());
        assertEquals(4, d.rememberedVerdicts().hitCount());
    }

    @Test
    void a_rename_is_judged_afresh_and_the_same_names_on_another_account_too() {
        ImpersonationDetector d = detector(1000);
        assertEquals(List.of(), d.inspect(post("42", "alice", "Alice")));
        List<Finding> renamed = d.inspect(post("42", "alice", "ExEx Suppοrt"));
        assertEquals(1, renamed.size());
        assertEquals(Category.IMPERSONATION, renamed.get(0).category());
        assertEquals(1, d.inspect(post("43", "alice", "ExEx Suppοrt")).size(), "another account with the same names");
        assertEquals(1, d.inspect(post("42", "exex_support", "Alice")).size(), "a new username alone is judged too");
        assertEquals(List.of(), d.inspect(post("42", "alice", "Alice")), "renamed back");
    }

    @Test
    void trusted_ids_are_never_judged_whatever_their_names() {
        ImpersonationDetector d = detector(1000);
        assertEquals(List.of(), d.inspect(post("5000000101", "exex_mod_anna", "Anna | Example Exchange")));
        assertEquals(0, d.rememberedVerdicts().requestCount());
    }

    @Test
    void a_full_cache_forgets_old_accounts_and_still_judges_right() {
        ImpersonationDetector small = detector(2), unbounded = detector(100_000);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 20; i++) {
                Post p = i % 4 == 0 ? post("9" + i, "exex_help" + i, "Example Exchange Support") : post("7" + i, "user" + i, "User " + i);
                assertEquals(unbounded.inspect(p), small.inspect(p), p.author().toString());
            }
        }
        assertTrue(small.rememberedVerdicts().evictionCount() > 0);
    }

    @Test
    void threads_sharing_one_detector_get_the_verdicts_one_thread_gets() throws Exception {
        ImpersonationDetector shared = detector(50), alone = detector(50);
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int k = i % 37;
            posts.add(k % 5 == 0 ? post("9" + k, "exex_admin" + k, "ExEx Admin " + k) : post("7" + k, "member" + k, "Member " + k));
        }
        List<List<Finding>> expected = posts.stream().map(alone::inspect).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Finding>>> got = new ArrayList<>();
            for (Post p : posts) got.add(pool.submit(() -> shared.inspect(p)));
            for (int i = 0; i < posts.size(); i++) assertEquals(expected.get(i), got.get(i).get(), posts.get(i).author().toString());
        } finally {
            pool.shutdownNow();
        }
    }
}
