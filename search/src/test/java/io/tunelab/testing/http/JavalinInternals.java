package io.tunelab.testing.http;

import java.lang.reflect.Field;

/**
 * What a test needs to see inside Javalin 6, by reflection (the search module does not depend on Javalin):
 * whether a server has built the request configuration its servlet creates lazily, and not thread-safely,
 * on the first request ({@code io.tunelab.search.access.FirstRequest}).
 */
public final class JavalinInternals {
    private JavalinInternals() {
    }

    /**
     * Whether the HTTP servlet inside {@code jettyServlet} (what {@code Javalin.javalinServlet()} returns)
     * has built its request configuration.
     */
    public static boolean requestConfigurationBuilt(Object jettyServlet) throws ReflectiveOperationException {
        Object httpServlet = read(jettyServlet, "httpServlet");
        Object lazy = read(httpServlet, "servletContextConfig$delegate");
        Class<?> lazyType = Class.forName("kotlin.Lazy", false, lazy.getClass().getClassLoader());
        return (Boolean) lazyType.getMethod("isInitialized").invoke(lazy);
    }

    private static Object read(Object owner, String field) throws ReflectiveOperationException {
        Field f = owner.getClass().getDeclaredField(field);
        f.setAccessible(true);
        return f.get(owner);
    }
}
