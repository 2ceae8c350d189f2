package io.tidewatch.detect.links;

import io.tidewatch.core.Post;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** URLs, bare domains, handles and t.me accounts are found in text and link entities; prose is not a link. */
class LinkExtractorTest {
    final LinkExtractor extractor = new LinkExtractor();

    List<String> hosts(String text) {
        return extractor.extract(text).stream().filter(l -> l.host() != null).map(Link::host).toList();
    }

    List<String> handles(String text) {
        return extractor.extract(text).stream().filter(l -> l.kind() == Link.Kind.HANDLE).map(Link::handle).toList();
    }

    @Test
    void urls_and_bare_domains_are_found() {
        assertEquals(List.of("www.okx-login.com"), hosts("go to https://www.okx-login.com/verify?x=1."));
        assertEquals(List.of("binance-support.com"), hosts("visit binance-support.com/login now"));
        assertEquals(List.of("okx.com"), hosts("官网是okx。com请访问"));
        assertEquals(List.of("example.com.secure-login.ru"), hosts("(example.com.secure-login.ru)"));
        assertEquals(List.of("helpdesk-exex.top"), hosts("mail me: agent@helpdesk-exex.top"));
        assertEquals(List.of("evil.example"), hosts("http://user:pw@evil.example:8080/x"));
    }

    @Test
    void schemes_and_www_are_read_in_any_case_and_defanged() {
        assertEquals(List.of("okx-verify.io"), hosts("HTTPS://OKX-VERIFY.IO/claim"));
        assertEquals(List.of("okx-verify.io"), hosts("hxxps://okx-verify.io/claim"));
        assertEquals(List.of("www.okx-verify.io"), hosts("去WWW.okx-verify.io看看"));
        assertEquals("/claim", extractor.extract("HXXP://okx-verify.io/claim").get(0).path());
        assertEquals(":8443/claim", extractor.extract("okx-verify.io:8443/claim").get(0).path());
        assertEquals(List.of("OKX_Helpdesk"), handles("join t.me:443/OKX_Helpdesk"));
    }

    @Test
    void prose_is_not_a_domain() {
        for (String text : List.of("e.g. this one", "version 1.2.3 is out", "see file.txt", "Mr.Smith said hi", "i.e. nothing")) {
            assertEquals(List.of(), hosts(text), text);
        }
    }

    @Test
    void handles_and_telegram_links_name_accounts() {
        assertEquals(List.of("ExEx_Support"), handles("ask @ExEx_Support please"));
        assertEquals(List.of("OKX_Helpdesk"), handles("join t.me/OKX_Helpdesk"));
        assertEquals(List.of(), handles("join https://t.me/+AbCdEf and t.me/joinchat/xyz"));
        assertEquals(List.of(), handles("mail alice@example.com"));
    }

    @Test
    void link_entities_are_read_too() {
        Post post = new Post("1", io.tidewatch.core.Platform.TELEGRAM, io.tidewatch.core.PostKind.GROUP, "c", null,
                null, "click here", List.of("https://okx-airdrop.org/claim"), null);
        assertEquals(List.of("okx-airdrop.org"), extractor.extract(post).stream().map(Link::host).toList());
    }

    @Test
    void pathological_text_neither_overflows_nor_hangs() {
        assertDoesNotThrow(() -> extractor.extract("a.".repeat(50_000)));
        assertDoesNotThrow(() -> extractor.extract("a-".repeat(50_000) + "!"));
        assertDoesNotThrow(() -> extractor.extract("@".repeat(50_000)));
    }
}
