package org.jepyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** How the plots write numbers: to the data's precision, the same on every tick. */
class PlotterTest {

    @Test
    void groupValuesKeepTheirOwnDecimalsAndRandomOnesAreShortened() {
        Function<Object, String> exact = Plotter.labels(List.of(0.0, 0.25, 0.5, 0.75));
        assertThat(List.of(0.0, 0.25, 0.5, 0.75).stream().map(exact)).containsExactly("0.00", "0.25", "0.50", "0.75");
        Function<Object, String> random = Plotter.labels(List.of(0.1, 0.2, 0.43332312463307493));
        assertThat(random.apply(0.43332312463307493)).isEqualTo("0.433");
        Function<Object, String> close = Plotter.labels(List.of(0.43332312463307493, 0.43338));
        assertThat(close.apply(0.43332312463307493)).isNotEqualTo(close.apply(0.43338));
        assertThat(Plotter.labels(List.of(1L, 2L, 10L)).apply(10L)).isEqualTo("10");
        assertThat(Plotter.labels(List.of("a", "b")).apply("b")).isEqualTo("b");
    }

    @Test
    void ticksOfOneAxisShareTheirDecimals() {
        Function<Double, String> f = Plotter.tickFormat(List.of(0.0, 1.0));
        assertThat(List.of(0.02, 0.1, 1.0).stream().map(f)).containsExactly("0.02", "0.10", "1.00");
        Function<Double, String> big = Plotter.tickFormat(List.of(0.0, 5000.0));
        assertThat(big.apply(2500.0)).isEqualTo("2500");
        Function<Double, String> tiny = Plotter.tickFormat(List.of(1e-7, 5e-7));
        assertThat(tiny.apply(2e-7)).isEqualTo("2.00e-07");
    }

    @Test
    void ticksOnEquallySpacedDataKeepTheDatasDecimals() {
        Function<Double, String> ints = Plotter.tickFormat(List.of(1.0, 8.0),
                new TreeSet<>(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0)));
        assertThat(Stream.of(1.0, 4.0, 8.0).map(ints)).containsExactly("1", "4", "8");
        assertThat(ints.apply(1.5)).isEqualTo("1.5");        // a tick between the points: the range's decimals
        Function<Double, String> thirds = Plotter.tickFormat(List.of(0.3, 2.4), new TreeSet<>(List.of(0.3, 0.6, 0.9, 1.2)));
        assertThat(Stream.of(0.3, 0.6, 1.2).map(thirds)).containsExactly("0.3", "0.6", "1.2");
        Function<Double, String> uneven = Plotter.tickFormat(List.of(1.0, 8.0), new TreeSet<>(List.of(1.0, 2.0, 4.0, 8.0)));
        assertThat(Stream.of(2.0, 4.0).map(uneven)).containsExactly("2.0", "4.0");
    }
}
