package org.jepyc.hdf5;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.jepyc.NotebookException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Downloads a notebook published at an http(s) URL to a temporary file, which epyc reads such notebooks from too. */
final class RemoteFile {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteFile.class);

    private RemoteFile() { }

    static Path download(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("Cannot open notebook " + uri + ": only http and https URLs are "
                    + "supported (open a local file with a java.nio.file.Path)");
        }
        Path tmp;
        try {
            tmp = Files.createTempFile("jepyc-remote-", ".h5");
        } catch (IOException e) {
            throw new NotebookException("Cannot make a temporary file to download " + uri + ": " + e.getMessage(), e);
        }
        try {
            HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(30)).build();
            HttpResponse<Path> r = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofFile(tmp));
            if (r.statusCode() / 100 != 2) {
                throw new NotebookException("Cannot download notebook " + uri + ": HTTP status " + r.statusCode());
            }
            LOG.info("Downloaded notebook {} ({} bytes)", uri, Files.size(tmp));
            return tmp;
        } catch (IOException e) {
            delete(tmp);
            throw new NotebookException("Cannot download notebook " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            delete(tmp);
            Thread.currentThread().interrupt();
            throw new NotebookException("Interrupted while downloading notebook " + uri, e);
        } catch (RuntimeException e) {
            delete(tmp);
            throw e;
        }
    }

    static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("Cannot delete temporary copy {}: {}", p, e.getMessage());
        }
    }
}
