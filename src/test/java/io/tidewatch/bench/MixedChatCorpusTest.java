package io.tidewatch.bench;

import io.tidewatch.cli.input.EntrySource;
import io.tidewatch.cli.input.InputPost;
import io.tidewatch.cli.input.PostReader;
import io.tidewatch.cli.input.RawEntry;
import io.tidewatch.core.Post;
import io.tidewatch.core.PostKind;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generated community mix: reproducible, with the documented rates, and readable back from both file forms. */
class MixedChatCorpusTest {
    private static final Set<String> TRUSTED = Set.of("5000000001", "5000000101");

    @Test
    void the_same_seed_gives_the_same_posts() {
        assertEquals(MixedChatCorpus.posts(500, 3L).toList(), MixedChatCorpus.posts(500, 3L).toList());
    }

    @Test
    void the_mix_has_the_documented_rates() {
        List<Post> posts = MixedChatCorpus.posts(50_000, 5L).toList();
        double joins = share(posts, p -> p.kind() == PostKind.JOIN);
        double trusted = share(posts, p -> TRUSTED.contains(p.author().id()));
        double links = share(posts, p -> p.text().contains("://") || p.text().contains("t.me/"));
        double mentions = share(posts, p -> p.text().startsWith("@"));
        assertTrue(joins > 0.015 && joins < 0.025, "joins " + joins);
        assertTrue(trusted > 0.010 && trusted < 0.020, "official and staff " + trusted);
        assertTrue(links > 0.05 && links < 0.09, "links " + links);
        assertTrue(mentions > 0.04 && mentions < 0.06, "mentions " + mentions);
        long authors = posts.stream().map(p -> p.author().id()).distinct().count();
        assertTrue(authors > 5_000 && authors < 30_000, "a group where most authors post again: " + authors);
    }

    private static double share(List<Post> posts, java.util.function.Predicate<Post> p) {
        return posts.stream().filter(p).count() / (double) posts.size();
    }

    @Test
    void jsonl_reads_back_as_the_same_posts() {
        List<Post> posts = MixedChatCorpus.posts(3_000, 9L).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(3_000, CorpusFiles.writeJsonl(posts.stream(), out));
        assertEquals(posts, readBack(out.toByteArray()));
    }

    @Test
    void a_telegram_export_reads_back_with_the_same_texts_names_and_joins() {
        List<Post> posts = MixedChatCorpus.posts(3_000, 9L).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CorpusFiles.writeTelegramExport(posts.stream(), out);
        List<Post> back = readBack(out.toByteArray());
        assertEquals(posts.size(), back.size());
        for (int i = 0; i < posts.size(); i++) {
            Post want = posts.get(i), got = back.get(i);
            assertEquals(Long.toString(i + 1), got.id());
            assertEquals(want.kind(), got.kind());
            assertEquals(want.text(), got.text(), got.id());
            assertEquals(want.author().id(), got.author().id());
            assertEquals(want.author().name(), got.author().name());
            assertEquals(want.time(), got.time());
        }
    }

    private static List<Post> readBack(byte[] bytes) {
        List<Post> back = new ArrayList<>();
        try (EntrySource s = PostReader.open("corpus", new ByteArrayInputStream(bytes), bytes.length)) {
            for (RawEntry e = s.next(); e != null; e = s.next()) back.add(((InputPost) e.parse()).post());
        }
        return back;
    }
}
