package io.tunelab.dashboard.pages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The head every dashboard page shares, filled with one page's fragment. The shell ({@code shell.html}) holds
 * the charset, the title pattern, the stylesheet, ECharts and {@code common.js}, and slots for the page's
 * title, its own head elements and its body. Maven's resource filtering writes the root POM's
 * {@code echarts.version} into the shell, so that version is named nowhere else.
 *
 * <p>A fragment ({@code study.html}, ...) is the page's {@code <title>} text first, then any head elements of
 * its own, then its {@code <body>...</body>}; a fragment whose head holds {@link #ECHARTS_ON_DEMAND} gets the
 * ECharts address instead of its script (its page loads ECharts itself). Immutable and thread-safe. A shell or fragment of another shape
 * is a broken build, refused with an {@link IllegalStateException} naming the file.
 */
final class PageShell {
    static final String SHELL = "shell.html";
    private static final Pattern SLOT = Pattern.compile("\\{\\{(title|head|body)}}");
    /**
     * A fragment whose head holds this element gets no ECharts script in its head: the shell's is replaced by
     * {@code <meta name="echarts-src" content="URL">} and the page's script loads ECharts when it needs it
     * ({@code TL.echarts()} in common.js), so a page whose first screen does not use ECharts does not compile it first.
     */
    static final String ECHARTS_ON_DEMAND = "<meta name=\"echarts\" content=\"on-demand\">";
    private static final Pattern ECHARTS_SCRIPT = Pattern.compile("<script src=\"(/webjars/echarts/[^\"]+)\"></script>");
    private static final String TITLE = "<title>";
    private static final String TITLE_END = "</title>";

    private final String shell;

    /** @param shell the shell's text, with one {@code {{title}}}, {@code {{head}}} and {@code {{body}}} slot each */
    PageShell(String shell) {
        if (shell.contains("${")) {
            throw new IllegalStateException(SHELL + " still holds a ${...} Maven property: the build did not filter it"
                    + " (see the dashboard's pom.xml)");
        }
        for (String slot : new String[] {"{{title}}", "{{head}}", "{{body}}"}) {
            if (shell.indexOf(slot) < 0 || shell.indexOf(slot) != shell.lastIndexOf(slot)) {
                throw new IllegalStateException(SHELL + " must hold the slot " + slot + " exactly once");
            }
        }
        this.shell = shell;
    }

    /** The shell this module's build filtered, from the class path. */
    static PageShell load() {
        return new PageShell(resource(SHELL));
    }

    /** The whole page: the shell with {@code fragment}'s title, head elements and body in its slots. */
    String fill(String name, String fragment) {
        String text = fragment.strip();
        int titleEnd = text.indexOf(TITLE_END);
        int body = text.indexOf("<body");
        if (!text.startsWith(TITLE) || titleEnd < 0 || body < titleEnd || !text.endsWith("</body>")) {
            throw new IllegalStateException("page fragment " + name
                    + " must be its <title>...</title>, then any head elements, then its <body>...</body>");
        }
        String title = text.substring(TITLE.length(), titleEnd).strip();
        if (title.isEmpty()) {
            throw new IllegalStateException("page fragment " + name + " has an empty <title>");
        }
        String head = text.substring(titleEnd + TITLE_END.length(), body).stripLeading();
        Map<String, String> slots = Map.of("title", title, "head", head, "body", text.substring(body));
        return SLOT.matcher(head.contains(ECHARTS_ON_DEMAND) ? echartsOnDemand(name) : shell)
                .replaceAll(slot -> Matcher.quoteReplacement(slots.get(slot.group(1))));
    }

    /** The shell with its ECharts script replaced by the element naming its address. */
    private String echartsOnDemand(String name) {
        Matcher script = ECHARTS_SCRIPT.matcher(shell);
        if (!script.find()) {
            throw new IllegalStateException("page fragment " + name + " asks for ECharts on demand, but " + SHELL
                    + " holds no ECharts script to replace");
        }
        return script.replaceFirst(Matcher.quoteReplacement("<meta name=\"echarts-src\" content=\"" + script.group(1) + "\">"));
    }

    /** A file of this package's resources, as UTF-8 text. */
    static String resource(String file) {
        try (InputStream in = PageShell.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("no page file " + file + " on the class path next to "
                        + PageShell.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading page file " + file + " failed", e);
        }
    }
}
