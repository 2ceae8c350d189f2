package io.tidewatch.bench;

import io.tidewatch.core.Author;
import io.tidewatch.core.BrandProfileReader;
import io.tidewatch.core.Platform;
import io.tidewatch.core.Post;
import io.tidewatch.core.PostKind;
import io.tidewatch.support.SupportAnswer;
import io.tidewatch.support.SupportResponder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One DM answered end to end (language, BM25 topic match, rendering), as the bot does per message. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SupportAnswerBench {
    private static final List<String> QUESTIONS = List.of(
            "I sent 500 USDT on TRC20 two hours ago and it's not in my balance",
            "提现一直显示审核中，两天了还没到",
            "the p2p seller won't release my coins, I already paid",
            "手机丢了，谷歌验证器也没了怎么办",
            "hello");
    private SupportResponder responder;
    private int i;

    @Setup
    public void setUp() {
        Path rules = Path.of("rules");
        responder = SupportResponder.load(rules, BrandProfileReader.read(rules.resolve("brand.yaml")));
    }

    @Benchmark
    public SupportAnswer telegramDm() {
        String q = QUESTIONS.get(i++ % QUESTIONS.size());
        // a new user id each time, so the throttle never shortens the answer being measured
        Post p = new Post("b", Platform.TELEGRAM, PostKind.DM, "c", Instant.EPOCH, new Author(Integer.toString(i), null, null), q);
        return responder.answer(p, List.of(), Instant.parse("2026-11-26T10:00:00Z"));
    }

    @Benchmark
    public SupportAnswer twitterMention() {
        String q = QUESTIONS.get(i++ % QUESTIONS.size());
        Post p = new Post("b", Platform.TWITTER, PostKind.MENTION, "c", Instant.EPOCH, new Author("", null, null), q);
        return responder.answer(p, List.of(), Instant.parse("2026-11-26T10:00:00Z"));
    }
}
