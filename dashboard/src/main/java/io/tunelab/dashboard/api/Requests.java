package io.tunelab.dashboard.api;

import io.javalin.http.Context;
import io.tunelab.dashboard.DashboardException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Reads path and query parameters and bodies, answering bad ones with BAD_REQUEST messages that name them. */
final class Requests {
    private Requests() {
    }

    /**
     * The request body as UTF-8 text, read up to {@code maxBytes}: TOO_LARGE when it is longer, whether
     * or not the client declared its length (a chunked body is counted as it arrives).
     */
    static String body(Context ctx, int maxBytes) {
        if (ctx.contentLength() > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw DashboardException.badRequest("the request body could not be read: " + e.getMessage());
        }
    }

    private static DashboardException tooLarge(int maxBytes) {
        return new DashboardException(DashboardException.Kind.TOO_LARGE, "the request body is larger than " + maxBytes
                + " bytes");
    }

    static long pathLong(Context ctx, String name) {
        String text = ctx.pathParam(name);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw DashboardException.badRequest(name + " must be a whole number, got '" + text + "'");
        }
    }

    static int queryInt(Context ctx, String name, int fallback, int min, int max) {
        long v = queryLong(ctx, name, fallback);
        if (v < min || v > max) {
            throw DashboardException.badRequest(name + " must be between " + min + " and " + max + ", got " + v);
        }
        return (int) v;
    }

    static long queryLong(Context ctx, String name, long fallback) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw DashboardException.badRequest(name + " must be a whole number, got '" + text + "'");
        }
    }

    static String queryRequired(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            throw DashboardException.badRequest("query parameter '" + name + "' is required");
        }
        return text;
    }

    /** Every value of a query parameter that may repeat ({@code name=a&name=b}), in order; at least one, none blank. */
    static List<String> queryAll(Context ctx, String name) {
        List<String> values = ctx.queryParams(name);
        if (values.isEmpty() || values.stream().anyMatch(String::isBlank)) {
            throw DashboardException.badRequest("query parameter '" + name + "' is required (once per value), got " + values);
        }
        return List.copyOf(new LinkedHashSet<>(values));
    }

    /** A comma-separated list of whole numbers ({@code 1,2,3}); empty if absent. */
    static List<Long> queryLongs(Context ctx, String name) {
        String text = ctx.queryParam(name);
        List<Long> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : text.split(",")) {
            try {
                out.add(Long.parseLong(part.trim()));
            } catch (NumberFormatException e) {
                throw DashboardException.badRequest(name + " must be comma-separated whole numbers, got '" + text + "'");
            }
        }
        return out;
    }

    /** A comma-separated list of names; empty if absent. */
    static List<String> queryNames(Context ctx, String name) {
        String text = ctx.queryParam(name);
        List<String> out = new ArrayList<>();
        if (text != null) {
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    /**
     * A comma-separated list of {@code id:number} pairs ({@code 12:340,13:99}), by id; empty if absent.
     * BAD_REQUEST for anything else.
     */
    static Map<Long, Long> queryPairs(Context ctx, String name) {
        String text = ctx.queryParam(name);
        Map<Long, Long> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : text.split(",")) {
            int colon = part.indexOf(':');
            try {
                if (colon < 0) {
                    throw new NumberFormatException(part);
                }
                out.put(Long.parseLong(part.substring(0, colon).trim()), Long.parseLong(part.substring(colon + 1).trim()));
            } catch (NumberFormatException e) {
                throw DashboardException.badRequest(name + " must be comma-separated id:number pairs, got '" + text + "'");
            }
        }
        return out;
    }
}
