package org.jepyc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A file a command was asked to write (an export, a plot, a converted notebook), checked before
 * any work is done and written so that nothing else is ever lost.
 *
 * <p>The rules, in the order they are checked: the target is not a directory and its directory
 * exists; it is not one of the command's inputs (whatever path names them); an existing
 * notebook is never replaced by something that is not a notebook; and any other existing file
 * is replaced only when the user gave {@code --force}, and never when its owner made it read-only. The bytes go to a hidden temporary file
 * beside the target, which is forced to disk and then renamed over it, so a failure at any
 * moment leaves either the old file or the new one; a replaced file keeps its permissions,
 * and a new file gets the ones the user's umask gives (not the owner-only ones of a temporary
 * file).
 */
final class OutputFile {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    private final Path target;
    private final String option;
    private final boolean existed;

    private OutputFile(Path target, String option, boolean existed) {
        this.target = target;
        this.option = option;
        this.existed = existed;
    }

    /** Something that writes a file's bytes. */
    @FunctionalInterface
    interface StreamWriter {
        /** @param out where to write (the caller closes it) @throws IOException if writing fails */
        void write(OutputStream out) throws IOException;
    }

    /** Something that writes a whole file at a path it is given (a notebook). */
    @FunctionalInterface
    interface PathWriter {
        /** @param path the file to create @throws IOException if writing fails */
        void write(Path path) throws IOException;
    }

    /**
     * Checks that a file that is not a notebook may be written.
     *
     * @param target the file named on the command line
     * @param option the option or parameter that named it, for messages ({@code -o})
     * @param force  true if the user allowed replacing an existing file
     * @param inputs the files the command reads
     * @return the output, ready to write
     * @throws UserException if it may not be written, saying why and what to do
     */
    static OutputFile of(Path target, String option, boolean force, Collection<Path> inputs) {
        return check(target, option, force, inputs, false);
    }

    /**
     * Checks that a notebook may be written (by {@code convert}): as {@link #of}, except that an
     * existing notebook may be replaced with {@code --force}, since a notebook is what is asked for.
     *
     * @param target the notebook named on the command line
     * @param option the parameter that named it, for messages
     * @param force  true if the user allowed replacing an existing file
     * @param inputs the files the command reads
     * @return the output, ready to write
     */
    static OutputFile notebook(Path target, String option, boolean force, Collection<Path> inputs) {
        return check(target, option, force, inputs, true);
    }

    private static OutputFile check(Path target, String option, boolean force, Collection<Path> inputs, boolean notebook) {
        if (Files.isDirectory(target)) {
            throw new UserException(option + " " + target + " is a directory: name a file in it");
        }
        Path parent = target.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new UserException("Can't write " + option + " " + target + ": there is no directory " + parent);
        }
        boolean exists = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        for (Path in : inputs) {
            if (same(in, target)) {
                throw new UserException(option + " " + target + " is the file this command reads (" + in
                        + "): name another file to write");
            }
        }
        if (exists) {
            if (!Files.isRegularFile(target)) {
                throw new UserException(option + " " + target + " exists and is not a regular file: name another file");
            }
            if (!notebook && isNotebook(target)) {
                throw new UserException(option + " " + target + " is a notebook: jepyc never writes anything else "
                        + "over a notebook; name another file");
            }
            if (!force) {
                throw new UserException(option + " " + target + " exists: give --force to replace it, or name another file");
            }
            // a file its owner made read-only is kept, as a read-only notebook is: --force is not meant to override that
            if (!org.jepyc.storage.FilePermissions.isWritable(target)) {
                throw new UserException(option + " " + target + " is read-only (no write permission), so it is not replaced: "
                        + "make it writable first (chmod u+w " + target + "), or name another file");
            }
        }
        return new OutputFile(target, option, exists);
    }

    private static boolean same(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
        } catch (IOException e) {
            // fall through to comparing the names
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /**
     * A notebook by its name ({@code .h5}, {@code .hdf5}) or by its content (HDF5's signature, or
     * a JSON object with epyc's {@code resultsets} member), whatever it is called.
     *
     * @param file an existing file
     * @return true if it holds, or claims to hold, a notebook
     */
    static boolean isNotebook(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".h5") || name.endsWith(".hdf5")) {
            return true;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(1 << 16);
        } catch (IOException e) {
            return false;
        }
        // HDF5 looks for its signature at 0, 512, 1024, 2048... (a user block may come first)
        for (int at = 0; at + HDF5_SIGNATURE.length <= head.length; at = at == 0 ? 512 : at * 2) {
            if (java.util.Arrays.equals(head, at, at + HDF5_SIGNATURE.length, HDF5_SIGNATURE, 0, HDF5_SIGNATURE.length)) {
                return true;
            }
        }
        String text = new String(head, StandardCharsets.UTF_8).stripLeading();
        return text.startsWith("{") && text.contains("\"resultsets\"");
    }

    /**
     * The format a file is to be written in: the one its extension names, or the one given by
     * {@code --format}; both, disagreeing, are an error.
     *
     * @param target  the file (null for standard output)
     * @param given   the {@code --format} value, or null
     * @param formats the formats the command writes, each also the extension it is known by
     * @return the format
     * @throws UserException if neither says, or they disagree
     */
    static String format(Path target, String given, List<String> formats) {
        Optional<String> ext = target == null ? Optional.empty() : extension(target).filter(formats::contains);
        if (given != null && !formats.contains(given)) {
            throw new UsageException("Unknown --format " + given + ": give one of " + String.join(", ", formats));
        }
        if (ext.isPresent() && given != null && !ext.get().equals(given)) {
            throw new UsageException("--format " + given + " disagrees with the name " + target + " (a ." + ext.get()
                    + " file): make them agree, or leave --format out");
        }
        if (ext.isPresent()) {
            return ext.get();
        }
        if (given != null) {
            return given;
        }
        throw new UsageException(target == null ? "Give --format (" + String.join(", ", formats) + ") to write to standard output"
                : "Can't tell the format to write " + target + " in: end its name with ."
                + String.join(", .", formats) + ", or give --format");
    }

    private static Optional<String> extension(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot <= 0 ? Optional.empty() : Optional.of(n.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** @return the file to be written */
    Path path() {
        return target;
    }

    /**
     * Writes the file: into a temporary file beside it, forced to disk, then renamed over it.
     *
     * @param writer what writes the bytes
     * @throws IOException if it cannot be written (the target is then as it was)
     */
    void write(StreamWriter writer) throws IOException {
        replaceWith(tmp -> {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(ch)) {
                writer.write(out);
                out.flush();
                ch.force(true);
            }
        }, true);
    }

    /**
     * Writes the file through a writer that needs a path of its own (a notebook's storage): it
     * creates the temporary file, which keeps the target's extension, and this renames it into place.
     *
     * @param writer what creates the file at the path it is given
     * @throws IOException if it cannot be written (the target is then as it was)
     */
    void writeAt(PathWriter writer) throws IOException {
        replaceWith(writer, false);
    }

    private void replaceWith(PathWriter writer, boolean create) throws IOException {
        Path real = existed ? target.toRealPath() : target.toAbsolutePath();
        Path dir = real.getParent();
        String name = real.getFileName().toString();
        String ext = extension(real).map(e -> "." + e).orElse("");
        Path tmp = dir.resolve("." + name + "." + HexFormat.of().toHexDigits(RANDOM.nextInt()) + ".tmp" + ext);
        try {
            if (create) {
                // created without attributes, so the user's umask decides a new file's mode
                Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
            }
            writer.write(tmp);
            if (existed) {
                Set<PosixFilePermission> mode = posix(real);
                if (mode != null) {
                    Files.setPosixFilePermissions(tmp, mode);
                }
                move(tmp, real);
            } else {
                claim(tmp, real);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Puts a new file in place only if nothing has appeared there meanwhile: a hard link never replaces. */
    private void claim(Path tmp, Path real) throws IOException {
        try {
            Files.createLink(real, tmp);
        } catch (FileAlreadyExistsException e) {
            throw new UserException(option + " " + target + " appeared while it was being written: it was left as it is; "
                    + "run again with --force to replace it");
        } catch (UnsupportedOperationException | IOException e) {
            if (Files.exists(real, LinkOption.NOFOLLOW_LINKS)) {
                throw new UserException(option + " " + target + " appeared while it was being written: it was left as it "
                        + "is; run again with --force to replace it");
            }
            move(tmp, real);
        }
    }

    private static void move(Path tmp, Path real) throws IOException {
        try {
            Files.move(tmp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, real, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Set<PosixFilePermission> posix(Path p) {
        try {
            return Files.getPosixFilePermissions(p);
        } catch (UnsupportedOperationException | IOException e) {
            return null;
        }
    }
}
