package org.jepyc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.util.Date;
import java.util.Map;

import org.jepyc.resultset.ComplexValue;
import org.jepyc.resultset.MalformedRowException;
import org.jepyc.resultset.UnstorableValueException;
import org.jepyc.storage.StorageException;
import org.jepyc.storage.StorageMode;
import org.junit.jupiter.api.Test;

/**
 * Users see the API's types only: each engine exception becomes the API's, keeping its message,
 * cause, suppressed exceptions and the place it was thrown; engine complex values become Complex.
 */
class EngineBoundaryTest {

    @Test
    void anEngineExceptionBecomesTheApisKeepingEverythingButItsType() {
        StorageException engine = new StorageException("Notebook x.json is open for writing in another process");
        IOException cause = new IOException("locked");
        engine.initCause(cause);
        IllegalStateException suppressed = new IllegalStateException("cleanup failed");
        engine.addSuppressed(suppressed);

        RuntimeException user = EngineBoundary.translated(engine);

        assertThat(user).isExactlyInstanceOf(NotebookException.class).hasMessage(engine.getMessage())
                .hasCause(cause);
        assertThat(user.getSuppressed()).containsExactly(suppressed);
        assertThat(user.getStackTrace()).isEqualTo(engine.getStackTrace());
    }

    @Test
    void eachEngineExceptionHasItsApiType() {
        Object row = new Object();
        RuntimeException structure = EngineBoundary.translated(new MalformedRowException(row, "no status"));
        assertThat(structure).isExactlyInstanceOf(ResultsStructureException.class)
                .hasMessage("Can't handle results dict: no status");
        assertThat(((ResultsStructureException) structure).resultsDict()).isSameAs(row);
        assertThat(EngineBoundary.translated(new UnstorableValueException("No type mapping for v")))
                .isExactlyInstanceOf(UnsupportedValueException.class).hasMessage("No type mapping for v");
        IllegalArgumentException other = new IllegalArgumentException("not the engine's");
        assertThat(EngineBoundary.translated(other)).isSameAs(other);
    }

    @Test
    void aRefusedValueTellsWhereTheEngineRefusedIt() {
        ResultSet rs = new ResultSet();
        UnsupportedValueException e = catchThrowableOfType(UnsupportedValueException.class,
                () -> rs.addSingleResult(new ResultsDict(Map.of("k", 1), Map.of(Experiment.STATUS, true),
                        Map.of("when", new Date()))));
        assertThat(e.getStackTrace()[0].getClassName()).startsWith("org.jepyc.resultset.");
    }

    @Test
    void everyOpenModeHasTheEngineModeOfItsName() {
        for (OpenMode m : OpenMode.values()) {
            assertThat(EngineBoundary.storageMode(m)).isEqualTo(StorageMode.valueOf(m.name()));
        }
        assertThat(StorageMode.values()).hasSameSizeAs(OpenMode.values());
    }

    @Test
    void engineComplexValuesReachUsersAsComplex() {
        assertThat(EngineBoundary.userValue(ComplexValue.ZERO)).isEqualTo(Complex.ZERO);
        Complex z = new Complex(1, 2);
        assertThat(EngineBoundary.userValue(z)).isSameAs(z);
        assertThat(EngineBoundary.userValue(3L)).isEqualTo(3L);
    }
}
