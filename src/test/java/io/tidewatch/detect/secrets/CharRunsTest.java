package io.tidewatch.detect.secrets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The run classes that let rules skip their regex: each requirement holds exactly when such a run is there. */
class CharRunsTest {
    @ParameterizedTest(name = "{1} in <{0}>: {2}")
    @CsvSource(delimiter = '|', textBlock = """
        退回到4787 7893 2879 2170了     | grouped-digits:19 | true
        4787-7893-2879-2170             | grouped-digits:19 | true
        4787  7893 2879 2170            | grouped-digits:15 | false
        BTC 97 250 ETH 3 412            | grouped-digits:8  | false
        a4c123b1-612dd272-d1371c17-149d4 | dashed:32        | true
        a4c123b1 612dd272 d1371c17       | dashed:9         | false
        密码错误jg=f6@W*G5J，锁了          | printable:11      | true
        密码 abc 1234 错误                | printable:5       | false
        0x3a33847e5bbb07fd              | hex:16            | true
        谷歌验证器备份密钥 2OMP U6NI 55MS PDEM 帮我存 | base32:16     | true
        backup key eadsnf7ho7hkojm4     | base32:16         | true
        how do I enable 2FA on my account | base32:16       | false
        2OMP U6NIX 55MS PDEM            | base32:12         | false
        谷歌验证器备份密钥 2OMP U6NI 55MS PDEM 帮我存 | base32-grouped:16 | true
        6qcm evy2 67yi ghul q2          | base32-grouped:16 | true
        backup key eadsnf7ho7hkojm4     | base32-grouped:16 | false
        2OMP U6NI 55MS PDE              | base32-grouped:16 | false
        key 2OMP-U6NI 55MS-PDEM         | base32-grouped:16 | true
        2OMP U6NI 55MS                  | base32-grouped:12 | true
        my passport is E1234567 now     | alnum-digit:7     | true
        passport photo size for 2 people | alnum-digit:7    | false
        护照C5XN6ZP72                   | alnum-digit:9     | true
        输了三次violin-Chair-river58都提示 | mixed:19          | true
        我的登录密码是abc778899，帮我看看   | mixed:8           | false
        账号 li.wei@mail.cn 密码 abc123    | email:14          | true
        @mateo_1843 see you there. bye   | email:6           | false
        mail me at li@mail, thanks.      | email:6           | false
        """)
    void a_requirement_holds_when_the_run_is_there(String text, String requires, boolean holds) {
        assertEquals(holds, new CharRuns(text).satisfies(CharRuns.Requirement.parse(requires)));
    }
}
