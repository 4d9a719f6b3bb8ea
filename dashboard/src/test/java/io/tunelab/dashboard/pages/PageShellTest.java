package io.tunelab.dashboard.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PageShellTest {
    private static final String SHELL = "<head>\n<title>{{title}} · Tunelab</title>\n{{head}}</head>\n{{body}}\n";

    @Test
    void aFragmentsTitleHeadElementsAndBodyGoIntoTheShellsSlots() {
        String page = new PageShell(SHELL).fill("a.html",
                "<title>Study</title>\n<script src=\"/table.js\"></script>\n<body>\n<main></main>\n</body>\n");

        assertThat(page).isEqualTo("<head>\n<title>Study · Tunelab</title>\n<script src=\"/table.js\"></script>\n</head>\n"
                + "<body>\n<main></main>\n</body>\n");
    }

    @Test
    void aFragmentWithoutHeadElementsLeavesNoBlankLineInTheHead() {
        assertThat(new PageShell(SHELL).fill("a.html", "<title>Models</title>\n<body></body>"))
                .isEqualTo("<head>\n<title>Models · Tunelab</title>\n</head>\n<body></body>\n");
    }

    @Test
    void slotsAndReplacementSignsInsideAFragmentStayAsWritten() {
        assertThat(new PageShell(SHELL).fill("a.html", "<title>$1 \\ {{body}}</title><body>{{head}}</body>"))
                .contains("<title>$1 \\ {{body}} · Tunelab</title>").contains("<body>{{head}}</body>");
    }

    @Test
    void aFragmentOfAnotherShapeIsRefusedNamingIt() {
        PageShell shell = new PageShell(SHELL);

        assertThatThrownBy(() -> shell.fill("no-title.html", "<body></body>"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no-title.html");
        assertThatThrownBy(() -> shell.fill("no-body.html", "<title>A</title><main></main>"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no-body.html");
        assertThatThrownBy(() -> shell.fill("blank.html", "<title> </title><body></body>"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("blank.html").hasMessageContaining("empty");
    }

    @Test
    void aFragmentAskingForEchartsOnDemandGetsItsAddressInsteadOfItsScript() {
        PageShell shell = new PageShell(SHELL.replace("{{head}}",
                "{{head}}<script src=\"/webjars/echarts/5.5.0/echarts.min.js\"></script>\n"));

        assertThat(shell.fill("a.html", "<title>A</title>\n" + PageShell.ECHARTS_ON_DEMAND + "\n<body></body>"))
                .contains("<meta name=\"echarts-src\" content=\"/webjars/echarts/5.5.0/echarts.min.js\">")
                .doesNotContain("<script src=\"/webjars/echarts/");
        assertThat(shell.fill("b.html", "<title>B</title>\n<body></body>"))
                .contains("<script src=\"/webjars/echarts/5.5.0/echarts.min.js\"></script>").doesNotContain("echarts-src");
        PageShell withoutEcharts = new PageShell(SHELL);
        assertThatThrownBy(() -> withoutEcharts.fill("c.html", "<title>C</title>" + PageShell.ECHARTS_ON_DEMAND + "<body></body>"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("c.html").hasMessageContaining("no ECharts script");
    }

    @Test
    void aShellTheBuildDidNotFilterIsRefused() {
        assertThatThrownBy(() -> new PageShell(SHELL + "<script src=\"/webjars/echarts/${echarts.version}/echarts.min.js\">"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not filter");
    }

    @Test
    void aShellWithoutEachSlotOnceIsRefused() {
        assertThatThrownBy(() -> new PageShell("{{title}}{{head}}"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("{{body}}");
        assertThatThrownBy(() -> new PageShell(SHELL + "{{title}}"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("{{title}}");
    }

    @Test
    void theBuiltShellIsFiltered() {
        assertThat(PageShell.load().fill("a.html", "<title>A</title><body></body>"))
                .doesNotContain("${").contains("<script src=\"/webjars/echarts/");
    }
}
