package org.jepyc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.dflib.DataFrame;
import org.jepyc.CancelledException;
import org.jepyc.Complex;
import org.jepyc.CreateOptions;
import org.jepyc.Design;
import org.jepyc.DesignException;
import org.jepyc.Experiment;
import org.jepyc.ExperimentCombinator;
import org.jepyc.ExperimentalConfiguration;
import org.jepyc.FactorialDesign;
import org.jepyc.Lab;
import org.jepyc.LabNotebook;
import org.jepyc.LabNotebookLockedException;
import org.jepyc.NotebookException;
import org.jepyc.NotebookExistsException;
import org.jepyc.NotebookFormatException;
import org.jepyc.NotebookVersionException;
import org.jepyc.OpenMode;
import org.jepyc.ParallelLab;
import org.jepyc.PendingResultException;
import org.jepyc.PointwiseDesign;
import org.jepyc.RepeatedExperiment;
import org.jepyc.ResultSet;
import org.jepyc.ResultSetLockedException;
import org.jepyc.ResultsDict;
import org.jepyc.ResultsStructureException;
import org.jepyc.SerializableFunction;
import org.jepyc.SummaryExperiment;
import org.jepyc.cluster.ClusterLab;
import org.jepyc.hdf5.Hdf5LabNotebook;
import org.jepyc.json.JsonLabNotebook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public API contract (the names and signatures users compile against), checked by the compiler and by reflection: every name and
 * signature users and outside acceptance tests compile against. A change that breaks one of
 * them fails here first.
 */
class ApiContractTest {

    private static Method method(Class<?> c, String name, Class<?>... params) throws NoSuchMethodException {
        Method m = c.getMethod(name, params);
        assertThat(Modifier.isPublic(m.getModifiers())).as("%s.%s is public", c.getSimpleName(), name).isTrue();
        return m;
    }

    private static void returns(Class<?> c, Class<?> type, String name, Class<?>... params) throws Exception {
        assertThat(method(c, name, params).getReturnType()).as("%s.%s", c.getSimpleName(), name).isEqualTo(type);
    }

    @Test
    void experimentKeepsItsContract() throws Exception {
        assertThat(Experiment.PARAMETERS).isEqualTo("parameters");
        assertThat(Experiment.METADATA).isEqualTo("metadata");
        assertThat(Experiment.RESULTS).isEqualTo("results");
        assertThat(List.of(Experiment.EXPERIMENT, Experiment.START_TIME, Experiment.END_TIME, Experiment.ELAPSED_TIME,
                Experiment.SETUP_TIME, Experiment.EXPERIMENT_TIME, Experiment.TEARDOWN_TIME, Experiment.STATUS,
                Experiment.EXCEPTION, Experiment.TRACEBACK)).containsExactly("epyc.experiment.classname",
                "epyc.experiment.start_time", "epyc.experiment.end_time", "epyc.experiment.elapsed_time",
                "epyc.experiment.setup_time", "epyc.experiment.experiment_time", "epyc.experiment.teardown_time",
                "epyc.experiment.status", "epyc.experiment.exception", "epyc.experiment.traceback");
        assertThat(java.io.Serializable.class).isAssignableFrom(Experiment.class);
        returns(Experiment.class, Experiment.class, "set", Map.class);
        for (String p : List.of("configure", "setUp", "perform")) {
            Method m = Experiment.class.getDeclaredMethod(p, Map.class);
            assertThat(Modifier.isProtected(m.getModifiers())).as(p).isTrue();
        }
        assertThat(Modifier.isAbstract(Experiment.class.getDeclaredMethod("perform", Map.class).getModifiers())).isTrue();
        assertThat(Modifier.isProtected(Experiment.class.getDeclaredMethod("deconfigure").getModifiers())).isTrue();
        assertThat(Modifier.isProtected(Experiment.class.getDeclaredMethod("tearDown").getModifiers())).isTrue();
        returns(Experiment.class, ResultsDict.class, "run");
        returns(Experiment.class, ResultsDict.class, "run", boolean.class);
        returns(Experiment.class, boolean.class, "success");
        returns(Experiment.class, boolean.class, "failed");
        returns(Experiment.class, Map.class, "parameters");
        returns(Experiment.class, Map.class, "metadata");
        returns(Experiment.class, Object.class, "get", String.class);
        returns(Experiment.class, ResultsDict.class, "results");
        returns(Experiment.class, Experiment.class, "of", SerializableFunction.class);
        assertThat(java.util.function.Function.class).isAssignableFrom(SerializableFunction.class);

        Experiment e = Experiment.of(p -> Map.of("x", 1));
        ResultsDict r = e.set(Map.of("a", 1)).run();
        assertThat(r.success()).isTrue();
        returns(ResultsDict.class, ResultsDict.class, "of", Map.class, Map.class, List.class);
        new ResultsDict(Map.of(), Map.of(), Map.of());
        for (String m : List.of("parameters", "metadata", "results")) {
            returns(ResultsDict.class, Map.class, m);
        }
        returns(ResultsDict.class, List.class, "nested");
        returns(ResultsDict.class, boolean.class, "success");
    }

    @Test
    void combinatorsAndDesignsKeepTheirContract() throws Exception {
        assertThat(ExperimentCombinator.class).isAssignableTo(Experiment.class);
        returns(ExperimentCombinator.class, Experiment.class, "experiment");
        Experiment e = Experiment.of(p -> Map.of("x", 1));
        RepeatedExperiment rep = new RepeatedExperiment(e, 3);
        assertThat(rep.repetitions()).isEqualTo(3);
        assertThat(RepeatedExperiment.I).isEqualTo("epyc.experiment.rep");
        assertThat(RepeatedExperiment.REPETITIONS).isEqualTo("epyc.experiment.repetitions");
        new SummaryExperiment(e);
        new SummaryExperiment(e, (Collection<String>) List.of("x"));
        assertThat(List.of(SummaryExperiment.UNDERLYING_RESULTS, SummaryExperiment.UNDERLYING_SUCCESSFUL_RESULTS,
                SummaryExperiment.MEAN_SUFFIX, SummaryExperiment.MEDIAN_SUFFIX, SummaryExperiment.VARIANCE_SUFFIX,
                SummaryExperiment.MIN_SUFFIX, SummaryExperiment.MAX_SUFFIX, SummaryExperiment.STDDEV_SUFFIX,
                SummaryExperiment.CI95_SUFFIX)).containsExactly("epyc.summaryexperiment.repetitions",
                "epyc.summaryexperiment.successful_repetitions", "_mean", "_median", "_variance", "_min", "_max",
                "_stddev", "_ci95");
        returns(Design.class, List.class, "experiments", Experiment.class, Map.class);
        assertThat(java.io.Serializable.class).isAssignableFrom(Design.class);
        Design f = new FactorialDesign();
        Design p = new PointwiseDesign();
        ExperimentalConfiguration c = new ExperimentalConfiguration(e, Map.of());
        assertThat(c.experiment()).isSameAs(e);
        assertThat(f).isNotNull();
        assertThat(p).isNotNull();
        assertThat(new Complex(1, 2).re()).isEqualTo(1.0);
        assertThat(new Complex(1, 2).im()).isEqualTo(2.0);
    }

    @Test
    void labsKeepTheirContract() throws Exception {
        new Lab();
        Lab lab = new Lab(new LabNotebook());
        new Lab(new LabNotebook(), new PointwiseDesign());
        assertThat(AutoCloseable.class).isAssignableFrom(Lab.class);
        returns(Lab.class, LabNotebook.class, "notebook");
        returns(Lab.class, Design.class, "design");
        returns(Lab.class, Lab.class, "put", String.class, Object.class);
        returns(Lab.class, List.class, "get", String.class);
        returns(Lab.class, boolean.class, "contains", String.class);
        returns(Lab.class, void.class, "deleteParameter", String.class);
        returns(Lab.class, void.class, "deleteAllParameters");
        returns(Lab.class, List.class, "parameters");
        returns(Lab.class, int.class, "size");
        returns(Lab.class, List.class, "experiments", Experiment.class);
        returns(Lab.class, void.class, "runExperiment", Experiment.class);
        returns(Lab.class, boolean.class, "createWith", String.class, Consumer.class);
        returns(Lab.class, boolean.class, "createWith", String.class, Consumer.class, String.class);
        returns(Lab.class, boolean.class, "createWith", String.class, Consumer.class, CreateOptions.class);
        returns(Lab.class, boolean.class, "ready");
        returns(Lab.class, boolean.class, "ready", String.class);
        returns(Lab.class, double.class, "readyFraction");
        returns(Lab.class, double.class, "readyFraction", String.class);
        returns(Lab.class, List.class, "results");
        returns(Lab.class, DataFrame.class, "dataframe");
        returns(Lab.class, DataFrame.class, "dataframe", boolean.class);
        returns(Lab.class, void.class, "updateResults");
        returns(Lab.class, void.class, "close");
        assertThat(lab.put("a", new int[] {1, 2}).size()).isEqualTo(2);

        CreateOptions d = CreateOptions.defaults();
        assertThat(d).isEqualTo(new CreateOptions(null, true, true, false, true));
        assertThat(d.withDescription("x").withPropagate(false).withDelete(false).withFinish(true)
                .withDeleteAllParameters(false)).isEqualTo(new CreateOptions("x", false, false, true, false));

        ParallelLab par = new ParallelLab(new LabNotebook(), 0);
        new ParallelLab(new LabNotebook(), -1, new FactorialDesign());
        assertThat(par.numberOfCores()).isPositive();
        assertThat(ClusterLab.class).isAssignableTo(Lab.class);
        ClusterLab.class.getConstructor(LabNotebook.class);
        ClusterLab.class.getConstructor(LabNotebook.class, Path.class);
        returns(ClusterLab.class, int.class, "numberOfEngines");
        returns(ClusterLab.class, int.class, "updateResults", boolean.class);
        returns(ClusterLab.class, boolean.class, "waitFor", Duration.class);
        returns(ClusterLab.class, void.class, "cancelPendingResults");
    }

    @Test
    void notebooksAndResultSetsKeepTheirContract() throws Exception {
        ResultSet rs = new LabNotebook().current();
        returns(ResultSet.class, String.class, "description");
        returns(ResultSet.class, void.class, "setDescription", String.class);
        returns(ResultSet.class, void.class, "setAttribute", String.class, Object.class);
        returns(ResultSet.class, Object.class, "getAttribute", String.class);
        returns(ResultSet.class, void.class, "deleteAttribute", String.class);
        returns(ResultSet.class, Set.class, "attributeNames");
        for (String m : List.of("parameterNames", "metadataNames", "resultNames", "pendingResults", "results")) {
            returns(ResultSet.class, List.class, m);
        }
        returns(ResultSet.class, int.class, "numberOfResults");
        returns(ResultSet.class, int.class, "numberOfPendingResults");
        returns(ResultSet.class, void.class, "addSingleResult", ResultsDict.class);
        returns(ResultSet.class, void.class, "addPendingResult", Map.class, String.class);
        returns(ResultSet.class, void.class, "resolvePendingResult", ResultsDict.class, String.class);
        returns(ResultSet.class, void.class, "cancelPendingResult", String.class);
        returns(ResultSet.class, List.class, "pendingResultsFor", Map.class);
        returns(ResultSet.class, Map.class, "pendingResultParameters", String.class);
        returns(ResultSet.class, boolean.class, "ready");
        returns(ResultSet.class, double.class, "readyFraction");
        returns(ResultSet.class, List.class, "resultsFor", Map.class);
        returns(ResultSet.class, DataFrame.class, "dataframe");
        returns(ResultSet.class, DataFrame.class, "dataframe", boolean.class);
        returns(ResultSet.class, DataFrame.class, "dataframeFor", Map.class);
        returns(ResultSet.class, void.class, "finish");
        returns(ResultSet.class, boolean.class, "isLocked");
        returns(ResultSet.class, boolean.class, "isDirty");
        assertThat(rs.ready()).isTrue();

        assertThat(LabNotebook.DEFAULT_RESULTSET).isEqualTo("epyc.resultset.default");
        LabNotebook nb = new LabNotebook("n", "d");
        assertThat(AutoCloseable.class).isAssignableFrom(LabNotebook.class);
        for (String m : List.of("name", "description", "currentTag")) {
            returns(LabNotebook.class, String.class, m);
        }
        returns(LabNotebook.class, void.class, "setDescription", String.class);
        returns(LabNotebook.class, boolean.class, "isPersistent");
        returns(LabNotebook.class, ResultSet.class, "addResultSet", String.class);
        returns(LabNotebook.class, ResultSet.class, "addResultSet", String.class, String.class);
        returns(LabNotebook.class, ResultSet.class, "select", String.class);
        returns(LabNotebook.class, ResultSet.class, "current");
        returns(LabNotebook.class, ResultSet.class, "resultSet", String.class);
        returns(LabNotebook.class, List.class, "resultSets");
        returns(LabNotebook.class, void.class, "deleteResultSet", String.class);
        returns(LabNotebook.class, boolean.class, "already", String.class, String.class);
        returns(LabNotebook.class, void.class, "addResult", ResultsDict.class);
        returns(LabNotebook.class, void.class, "addResult", ResultsDict.class, String.class);
        returns(LabNotebook.class, void.class, "addPendingResult", Map.class, String.class);
        returns(LabNotebook.class, void.class, "resolvePendingResult", ResultsDict.class, String.class);
        returns(LabNotebook.class, void.class, "cancelPendingResult", String.class);
        returns(LabNotebook.class, List.class, "allPendingResults");
        returns(LabNotebook.class, int.class, "numberOfAllPendingResults");
        returns(LabNotebook.class, int.class, "numberOfResults");
        returns(LabNotebook.class, int.class, "numberOfPendingResults");
        returns(LabNotebook.class, boolean.class, "ready");
        returns(LabNotebook.class, boolean.class, "ready", String.class);
        returns(LabNotebook.class, double.class, "readyFraction");
        returns(LabNotebook.class, double.class, "readyFraction", String.class);
        returns(LabNotebook.class, List.class, "results");
        returns(LabNotebook.class, DataFrame.class, "dataframe");
        returns(LabNotebook.class, DataFrame.class, "dataframe", boolean.class);
        returns(LabNotebook.class, void.class, "commit");
        returns(LabNotebook.class, void.class, "finish");
        returns(LabNotebook.class, boolean.class, "isLocked");
        returns(LabNotebook.class, void.class, "close");
        assertThat(nb.name()).isEqualTo("n");
        assertThat(OpenMode.values()).containsExactly(OpenMode.OPEN_OR_CREATE, OpenMode.CREATE_NEW, OpenMode.OVERWRITE);

        for (Class<? extends LabNotebook> c : List.of(JsonLabNotebook.class, Hdf5LabNotebook.class)) {
            c.getConstructor(Path.class);
            c.getConstructor(Path.class, boolean.class);
            c.getConstructor(Path.class, boolean.class, String.class);
            c.getConstructor(Path.class, OpenMode.class, String.class);
        }
        returns(Hdf5LabNotebook.class, Hdf5LabNotebook.class, "openReadOnly", Path.class);
        returns(Hdf5LabNotebook.class, Hdf5LabNotebook.class, "open", URI.class);
    }

    @Test
    void labNotebookOpensAFileInTheFormatItsExtensionNames(@TempDir Path dir) throws Exception {
        for (Method m : List.of(method(LabNotebook.class, "open", Path.class),
                method(LabNotebook.class, "open", Path.class, OpenMode.class),
                method(LabNotebook.class, "openReadOnly", Path.class))) {
            assertThat(Modifier.isStatic(m.getModifiers())).as("%s is static", m).isTrue();
            assertThat(m.getReturnType()).isEqualTo(LabNotebook.class);
        }
        Map<String, Class<? extends LabNotebook>> formats = Map.of("a.json", JsonLabNotebook.class,
                "b.h5", Hdf5LabNotebook.class, "c.hdf5", Hdf5LabNotebook.class, "D.JSON", JsonLabNotebook.class);
        for (Map.Entry<String, Class<? extends LabNotebook>> f : formats.entrySet()) {
            Path file = dir.resolve(f.getKey());
            try (LabNotebook nb = LabNotebook.open(file)) {
                assertThat(nb).isInstanceOf(f.getValue());
                assertThat(nb.isPersistent()).isTrue();
                nb.addResult(new ResultsDict(Map.of("x", 1L), Map.of(Experiment.STATUS, true), Map.of("y", 2L)));
            }
            try (LabNotebook nb = LabNotebook.open(file, OpenMode.OPEN_OR_CREATE)) {
                assertThat(nb).isInstanceOf(f.getValue());
                assertThat(nb.numberOfResults()).isEqualTo(1);
            }
            assertThatThrownBy(() -> LabNotebook.open(file, OpenMode.CREATE_NEW)).isInstanceOf(NotebookExistsException.class);
            try (LabNotebook nb = LabNotebook.openReadOnly(file)) {
                assertThat(nb).isInstanceOf(f.getValue());
                assertThat(nb.isLocked()).isTrue();
                assertThat(nb.numberOfResults()).isEqualTo(1);
            }
        }
        Path missing = dir.resolve("missing.h5");
        assertThatThrownBy(() -> LabNotebook.openReadOnly(missing)).isInstanceOf(NotebookException.class)
                .hasMessageContaining(missing.toString());
        assertThat(missing).doesNotExist();
        Path unknown = dir.resolve("notes.txt");
        assertThatThrownBy(() -> LabNotebook.open(unknown)).isInstanceOf(NotebookException.class)
                .hasMessageContaining(unknown.toString()).hasMessageContaining("*.json").hasMessageContaining("*.h5");
        assertThat(unknown).doesNotExist();
    }

    @Test
    void exceptionsKeepTheirContract() {
        assertThat(List.of(NotebookExistsException.class, NotebookFormatException.class, NotebookVersionException.class))
                .allSatisfy(c -> assertThat(c).isAssignableTo(NotebookException.class));
        assertThat(List.of(NotebookException.class, ResultSetLockedException.class, CancelledException.class,
                PendingResultException.class, ResultsStructureException.class, LabNotebookLockedException.class,
                DesignException.class)).allSatisfy(c -> assertThat(c).isAssignableTo(RuntimeException.class));
        assertThat(new CancelledException().getMessage()).isEqualTo("Cancelled");
        assertThat(new PendingResultException("j").jobId()).isEqualTo("j");
        assertThat(PendingResultException.class).isAssignableTo(java.util.NoSuchElementException.class);
    }
}
