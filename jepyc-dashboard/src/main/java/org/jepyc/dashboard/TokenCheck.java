package org.jepyc.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;

/**
 * Lets through only requests that carry the dashboard's token, in the URL's {@code token}
 * parameter or in the cookie set when the page was first opened with it (so the page's scripts
 * and styles load without it); everything else gets 403. Like Jupyter's, the token keeps other
 * local users and other web sites' pages from reading the notebooks. Only GET is served.
 */
final class TokenCheck extends Filter {
    private final byte[] token;
    private final String cookie;

    /**
     * @param token  the secret the URL carries
     * @param cookie the name of the cookie that carries it after the first request
     */
    TokenCheck(String token, String cookie) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.cookie = cookie;
    }

    @Override
    public void doFilter(HttpExchange ex, Chain chain) throws IOException {
        String fromUrl = queryToken(ex.getRequestURI().getRawQuery());
        boolean ok = matches(fromUrl) || matches(cookieToken(ex.getRequestHeaders().get("Cookie")));
        if (!ok) {
            refuse(ex, 403, "Forbidden: open the dashboard with the URL `jepyc dashboard` printed, token included.\n");
            return;
        }
        if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
            refuse(ex, 405, "Only GET is served.\n");
            return;
        }
        // only the page itself hands out the cookie: its scripts' requests carry the token anyway
        if (matches(fromUrl) && ex.getRequestURI().getPath().equals("/")) {
            ex.getResponseHeaders().add("Set-Cookie", cookie + "=" + fromUrl + "; Path=/; HttpOnly; SameSite=Strict");
        }
        chain.doFilter(ex);
    }

    @Override
    public String description() {
        return "token check";
    }

    private boolean matches(String candidate) {
        // constant time, so the token cannot be guessed a character at a time
        return candidate != null && MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.UTF_8));
    }

    private static String queryToken(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        for (String kv : rawQuery.split("&")) {
            if (kv.startsWith("token=")) {
                return URLDecoder.decode(kv.substring("token=".length()), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private String cookieToken(List<String> headers) {
        if (headers == null) {
            return null;
        }
        for (String h : headers) {
            for (String c : h.split(";")) {
                String t = c.trim();
                if (t.startsWith(cookie + "=")) {
                    return t.substring(cookie.length() + 1);
                }
            }
        }
        return null;
    }

    private static void refuse(HttpExchange ex, int status, String message) throws IOException {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }
}
