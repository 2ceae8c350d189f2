package io.tidewatch.detect.identity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The words a pattern must start with; anything unsure gives none (the pattern then always runs). */
class LiteralPrefixesTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "\\b(dm|pm|inbox)\\s+(me|us);dm|pm|inbox",
            "\\b(support|assist\\w*|issue);support|assist|issue",
            "私信(我|我们);私信",
            "\\bsend (me|us) a dm;send ",
            "\\bwhats\\s?app\\b;whats",
            "\\bcheck (your )?(dm|inbox);check ",
            "recovery?;recover",
            "(a|b)?c;",
            "(?i)abc;",
            ".{0,8}(验证);",
            "(dm|\\w+ me);",
            "((dm|pm)|inbox) me;dm|pm|inbox",
            "dm me|pm me;dm me|pm me",
            "(dm|(\\w+) me)|pm;",
            "\\b((anti[- ]?money|aml)( \\w+)? fee|taxes)\\b;anti|aml|taxes",
            "(^|[^只])(让|叫);",
            "\\bABC;abc",
    })
    void prefixes(String regex, String expected) {
        List<String> want = expected == null ? List.of() : List.of(expected.split("\\|"));
        assertEquals(want, LiteralPrefixes.of(regex));
    }

    /** The literal word sets a pattern needs anywhere; one of each set must be in a text it can match. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "(问题|充值).{0,15}(私聊|私信);问题,充值|私聊,私信",
            "\\b(dm|pm)\\s+(me|us)\\b.{0,40}\\b(support|help\\w*);dm,pm|me,us|support,help",
            "(验证|同步).{0,4}钱包.{0,20}(链接|点击);验证,同步|钱包|链接,点击",
            "\\bwa\\.me/\\d{6,};wa|me/",
            "\\bsend (me|us) (a )?(dm|pm);send |me,us|dm,pm",
            "recovery?;recover",
            "a|b;",
            "(?i)abc;",
            "[a-z]*(support|help)@(gmail|qq)\\.;support,help|@|gmail,qq",
            "\\b(pay|send)\\b.{0,30}\\b((unfreez\\w*|aml)( \\w+)? (fee|fees)|taxes)\\b.{0,9}(re-?sync|\\bdapp\\b);pay,send|unfreez,aml,taxes|re,dapp",
            "(^|[^只])(让|叫)(我|你);让,叫|我,你",
            "(a|)b;b",
    })
    void required_groups(String regex, String expected) {
        List<List<String>> want = expected == null ? List.of()
                : java.util.Arrays.stream(expected.split("\\|")).map(g -> List.of(g.split(","))).toList();
        assertEquals(want, LiteralPrefixes.requiredGroups(regex));
    }
}
