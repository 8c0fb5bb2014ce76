package org.jepyc.storage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notebook formats present on the class path, found with {@link ServiceLoader}, and the
 * choice among them by a file's extension. The formats jepyc ships are named here too, so that a
 * file whose format module is missing gets a message that says which module to add.
 */
public final class NotebookFormats {
    private static final Logger LOG = LoggerFactory.getLogger(NotebookFormats.class);

    /** jepyc's own formats: extension to the format's name and the module that provides it. */
    private static final Map<String, String[]> SHIPPED = new LinkedHashMap<>();

    static {
        SHIPPED.put("json", new String[] {"JSON", "org.jepyc:jepyc-json"});
        SHIPPED.put("h5", new String[] {"HDF5", "org.jepyc:jepyc-hdf5"});
        SHIPPED.put("hdf5", new String[] {"HDF5", "org.jepyc:jepyc-hdf5"});
    }

    private NotebookFormats() { }

    /**
     * @return the formats present, in a fixed order whatever the class path's: jepyc's own
     *         first (JSON, HDF5), then others by name
     */
    public static List<NotebookFormat> present() {
        Map<Class<?>, NotebookFormat> found = new LinkedHashMap<>();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            load(context, found);
        }
        load(NotebookFormat.class.getClassLoader(), found);
        List<String> shipped = new ArrayList<>(SHIPPED.keySet());
        return found.values().stream()
                .sorted(Comparator.<NotebookFormat>comparingInt(f -> rank(shipped, f)).thenComparing(NotebookFormat::name))
                .toList();
    }

    private static int rank(List<String> shipped, NotebookFormat f) {
        int i = f.extensions().isEmpty() ? -1 : shipped.indexOf(f.extensions().get(0));
        return i < 0 ? shipped.size() : i;
    }

    /** A broken provider (a stale service file, a missing class) is skipped, so the other formats still open. */
    private static void load(ClassLoader loader, Map<Class<?>, NotebookFormat> into) {
        Iterator<NotebookFormat> it = ServiceLoader.load(NotebookFormat.class, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    return;
                }
                NotebookFormat f = it.next();
                into.putIfAbsent(f.getClass(), f);
            } catch (ServiceConfigurationError e) {
                LOG.warn("Skipping a notebook format that cannot be loaded: {}", e.getMessage());
            }
        }
    }

    /**
     * @param file a notebook file
     * @return the present format whose extension the file's name ends in, if any
     */
    public static Optional<NotebookFormat> forFile(Path file) {
        String ext = extension(file);
        return present().stream().filter(f -> f.extensions().contains(ext)).findFirst();
    }

    /**
     * @param file a notebook file
     * @return the present format for its extension
     * @throws StorageException if there is none: the message names the file and the known
     *                          extensions, or the module to add
     */
    public static NotebookFormat formatOf(Path file) {
        List<NotebookFormat> present = present();
        String ext = extension(file);
        for (NotebookFormat f : present) {
            if (f.extensions().contains(ext)) {
                return f;
            }
        }
        String[] shipped = SHIPPED.get(ext);
        if (shipped != null) {
            throw new StorageException("Notebook " + file + " is a " + shipped[0] + " notebook (." + ext
                    + "), but no " + shipped[0] + " format is on the class path: add the module " + shipped[1]);
        }
        throw new StorageException("Cannot tell the format of notebook " + file + " from its name: "
                + (ext.isEmpty() ? "it has no extension" : "." + ext + " is no notebook format")
                + "; name it " + known(present));
    }

    /** @return "*.json (JSON) or *.h5, *.hdf5 (HDF5)": the present formats, or jepyc's own if none is */
    private static String known(List<NotebookFormat> present) {
        List<String> each = new ArrayList<>();
        if (present.isEmpty()) {
            Map<String, List<String>> byName = new LinkedHashMap<>();
            SHIPPED.forEach((ext, f) -> byName.computeIfAbsent(f[0] + ", module " + f[1], k -> new ArrayList<>()).add(ext));
            byName.forEach((name, exts) -> each.add(stars(exts) + " (" + name + ")"));
        } else {
            present.forEach(f -> each.add(stars(f.extensions()) + " (" + f.name() + ")"));
        }
        return String.join(" or ", each);
    }

    private static String stars(List<String> extensions) {
        return extensions.stream().map(e -> "*." + e).collect(Collectors.joining(", "));
    }

    /** @return the file name's extension, lower case, without the dot; "" if none */
    static String extension(Path file) {
        Path name = file.getFileName();
        String s = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        int dot = s.lastIndexOf('.');
        return dot < 0 ? "" : s.substring(dot + 1);
    }
}
