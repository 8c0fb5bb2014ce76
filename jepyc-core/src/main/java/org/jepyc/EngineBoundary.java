package org.jepyc;

import org.jepyc.resultset.ComplexValue;
import org.jepyc.resultset.MalformedRowException;
import org.jepyc.resultset.UnstorableValueException;
import org.jepyc.storage.StorageException;
import org.jepyc.storage.StorageMode;

/**
 * Where the user API adapts the engine: the engine packages never import this package, so they
 * report failures with exceptions of their own and fill empty complex cells with a zero of their
 * own. Users see only the API's types: each engine exception becomes the API's one with the same
 * message, cause, suppressed exceptions and stack trace, and every complex cell becomes a
 * {@link Complex}.
 */
final class EngineBoundary {

    private EngineBoundary() { }

    /**
     * @param e an exception an engine call threw
     * @return the API's exception for it, or {@code e} itself if it is not one of the engine's own
     */
    static RuntimeException translated(RuntimeException e) {
        RuntimeException user;
        if (e instanceof UnstorableValueException) {
            user = new UnsupportedValueException(e.getMessage());
        } else if (e instanceof MalformedRowException m) {
            user = new ResultsStructureException(m.row(), m.why());
        } else if (e instanceof StorageException) {
            user = new NotebookException(e.getMessage());
        } else {
            return e;
        }
        if (e.getCause() != null) {
            user.initCause(e.getCause());
        }
        // the user's exception tells where the engine found the problem, not where it was translated
        user.setStackTrace(e.getStackTrace());
        for (Throwable s : e.getSuppressed()) {
            user.addSuppressed(s);
        }
        return user;
    }

    /**
     * @param mode the user's open mode
     * @return the engine's mode of the same name
     */
    static StorageMode storageMode(OpenMode mode) {
        return switch (mode) {
            case OPEN_OR_CREATE -> StorageMode.OPEN_OR_CREATE;
            case CREATE_NEW -> StorageMode.CREATE_NEW;
            case OVERWRITE -> StorageMode.OVERWRITE;
        };
    }

    /**
     * @param v a cell as the engine stores it
     * @return the cell as users get it: a complex value as a {@link Complex}, anything else as it is
     */
    static Object userValue(Object v) {
        if (v == ComplexValue.ZERO) {
            return Complex.ZERO;        // every empty cell: one shared value, as when the API's zero filled them
        }
        if (v instanceof Complex) {
            return v;
        }
        return v instanceof ComplexValue c ? new Complex(c.re(), c.im()) : v;
    }
}
