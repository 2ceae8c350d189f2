package io.tidewatch.detect.identity;

import io.tidewatch.core.Author;
import io.tidewatch.core.Platform;
import io.tidewatch.core.Post;
import io.tidewatch.core.PostKind;
import io.tidewatch.detect.TestBrands;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fake staff handles are built from whatever brand profile is loaded, disguises undone; real accounts and other handles pass. */
class ScamStaffHandlesTest {
    static ScamStaffHandles handlesFor(io.tidewatch.core.BrandProfile brand) {
        return new ScamStaffHandles(brand, ScamRulesExamplesTest.RULES.staffHandles().words(), ScamRulesExamplesTest.IDENTITY.skeleton());
    }

    @Test
    void brand_and_staff_word_in_one_handle_for_several_brands() {
        assertTrue(handlesFor(TestBrands.OKX).fake("okx_support_desk"));
        assertTrue(handlesFor(TestBrands.OKX).fake("OKXHelpDesk"));
        assertTrue(handlesFor(TestBrands.OKX).fake("okex_kefu"));
        assertTrue(handlesFor(TestBrands.OKX).fake("0kx_cs"));
        assertTrue(handlesFor(TestBrands.BINANCE).fake("BinanceCustomerCare"));
        assertTrue(handlesFor(TestBrands.BINANCE).fake("b1nance_admin"));
        assertTrue(handlesFor(TestBrands.KRAKEN).fake("kr4ken_support"));
        assertTrue(handlesFor(TestBrands.EXAMPLE).fake("ExEx_Helpdesk"));
        assertTrue(handlesFor(TestBrands.KUCOIN).fake("kucoin_refunds_team"));
    }

    @Test
    void handles_without_the_brand_or_without_a_staff_word_or_with_the_brand_inside_a_word_pass() {
        var okx = handlesFor(TestBrands.OKX);
        assertFalse(okx.fake("okx_news_fan"));
        assertFalse(okx.fake("helpful_trader"));
        assertFalse(okx.fake("rokxana_helps"), "a 3-letter brand inside another word");
        assertFalse(handlesFor(TestBrands.BINANCE).fake("binance_memes"));
    }

    @Test
    void the_brands_own_official_and_staff_usernames_are_never_reported() {
        var detector = new ScamBaitDetector(TestBrands.EXAMPLE, ScamBaitMatcherTest.MATCHER);
        var member = new Author("77", "m", "M");
        Post staff = new Post("1", Platform.TELEGRAM, PostKind.GROUP, "-1", Instant.EPOCH, member, "ask @exex_mod_anna for help", List.of(), "en");
        assertEquals(List.of(), detector.inspect(staff));
        Post fake = staff.withText("ask @exex_mod_anna_help for help");
        assertTrue(detector.inspect(fake).stream().anyMatch(f -> f.rule().equals("fake-staff-handle")));
    }

    @Test
    void t_me_links_count_and_offsets_point_at_the_handle() {
        String text = "stuck? t.me/ExEx_Support_Center fixes it";
        var hits = handlesFor(TestBrands.EXAMPLE).find(text);
        assertEquals(1, hits.size());
        assertEquals("t.me/ExEx_Support_Center", text.substring(hits.get(0).start(), hits.get(0).end()));
        String at = "DM @ExEx_Admin now";
        var h = handlesFor(TestBrands.EXAMPLE).find(at).get(0);
        assertEquals("@ExEx_Admin", at.substring(h.start(), h.end()));
        assertEquals(List.of(), handlesFor(TestBrands.EXAMPLE).find("mail exex.support@gmail.com"), "an e-mail address is no handle");
    }
}
