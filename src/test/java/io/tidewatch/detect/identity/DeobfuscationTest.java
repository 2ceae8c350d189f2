package io.tidewatch.detect.identity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Links, handles and words broken up to slip past a bot read whole; ordinary punctuation and spacing stay. */
class DeobfuscationTest {
    private static String read(String folded) {
        return Deobfuscation.undo(new NameSkeleton.FoldedText(folded, offsets(folded.length()), folded.length())).text();
    }

    private static int[] offsets(int n) {
        int[] o = new int[n];
        for (int i = 0; i < n; i++) o[i] = i;
        return o;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "verify via t . me / grp_verify_485bot|verify via t.me/grp_verify_485bot",
            "move to signal: sgnl dot me slash cb_escalate78|move to signal: sgnl.me/cb_escalate78",
            "download apk: bnb-apk [.] example now|download apk: bnb-apk.example now",
            "wa(dot)me/447700900824|wa.me/447700900824",
            "type your address at l e d g e r - c l a i m . example|type your address at ledger-claim.example",
            "连接 钱 包 同 步 节 点 修复|连接 钱包同步节点 修复",
            "薇:二九九七六六零七六|薇:299766076",
            // ordinary text stays as it is
            "i think. so what / why|i think. so what / why",
            "第一二三期|第一二三期",
            "plan a b then c|plan a b then c",
    })
    void reads(String folded, String expected) {
        assertEquals(expected, read(folded));
    }
}
