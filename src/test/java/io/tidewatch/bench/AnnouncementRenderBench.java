package io.tidewatch.bench;

import io.tidewatch.core.TweetLength;

import io.tidewatch.announce.TelegramRenderer;
import io.tidewatch.core.TweetLength;
import io.tidewatch.announce.TwitterRenderer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/** Rendering cost of one announcement per language (the scheduler re-renders only changed files). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AnnouncementRenderBench {
    String zh;
    String en;
    final TelegramRenderer telegram = new TelegramRenderer();
    final TwitterRenderer twitter = new TwitterRenderer();

    @Setup
    public void setUp() {
        StringBuilder z = new StringBuilder();
        StringBuilder e = new StringBuilder();
        for (int i = 1; i <= 6; i++) {
            z.append("第").append(i).append("段：维护期间，**现货与合约交易**、充值、提现将暂停；挂单将保留。详情见 [公告](https://www.example.com/a/").append(i).append(")。\n\n");
            e.append("Paragraph ").append(i).append(": during the upgrade **spot and futures trading**, deposits and withdrawals pause; open orders stay. See [the notice](https://www.example.com/a/").append(i).append(").\n\n");
        }
        zh = z.toString().repeat(3);
        en = e.toString().repeat(3);
    }

    @Benchmark
    public Object telegramZh() { return telegram.render("系统升级维护公告", zh, null); }

    @Benchmark
    public Object twitterThreadZh() { return twitter.render("系统升级维护公告", zh, "https://www.example.com/help", "全文："); }

    @Benchmark
    public Object twitterThreadEn() { return twitter.render("Scheduled upgrade", en, "https://www.example.com/help", "Full text:"); }

    @Benchmark
    public int tweetLengthZh() { return TweetLength.of(zh); }
}
