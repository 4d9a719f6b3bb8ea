package io.tunelab.dashboard.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionedAssetsTest {

    private static VersionedAssets over(Map<String, String> files) {
        return new VersionedAssets(name -> files.containsKey(name) ? files.get(name).getBytes(StandardCharsets.UTF_8) : null);
    }

    @Test
    void aLocalScriptOrStylesheetIsNamedByItsContentAndAnotherContentGetsAnotherName() {
        String page = "<link rel=\"stylesheet\" href=\"/style.css\"><script src=\"/a.js\"></script>";
        String one = over(Map.of("style.css", "body{}", "a.js", "1")).versioned(page);
        String two = over(Map.of("style.css", "body{}", "a.js", "2")).versioned(page);
        assertThat(one).matches("<link rel=\"stylesheet\" href=\"/assets/[0-9a-f]{8}/style\\.css\">"
                + "<script src=\"/assets/[0-9a-f]{8}/a\\.js\"></script>");
        assertThat(one.substring(0, one.indexOf("<script"))).isEqualTo(two.substring(0, two.indexOf("<script")));
        assertThat(one.substring(one.indexOf("<script"))).isNotEqualTo(two.substring(two.indexOf("<script")));
    }

    @Test
    void otherAddressesAreLeftAsTheyAre() {
        String page = "<script src=\"/webjars/echarts/5.5.0/echarts.min.js\"></script><a href=\"/trials.html\">t</a>"
                + "<meta name=\"echarts-src\" content=\"/webjars/x.js\"><script src=\"https://example.invalid/x.js\"></script>";
        assertThat(over(Map.of()).versioned(page)).isEqualTo(page);
    }

    @Test
    void aPageNamingAMissingFileIsABrokenBuild() {
        assertThatThrownBy(() -> over(Map.of()).versioned("<script src=\"/gone.js\"></script>"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("/gone.js");
    }
}
