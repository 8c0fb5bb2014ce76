package org.jepyc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A results dict's maps are unmodifiable copies that keep order and behave as any map. */
class FrozenMapTest {

    private static Map<String, Object> sample(int n) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = n; i > 0; i--) {
            m.put("k" + i, i % 3 == 0 ? null : (Object) (long) i);
        }
        return m;
    }

    @Test
    void aCopyKeepsOrderValuesAndNulls() {
        for (int n : new int[] {3, 5, FrozenMap.SMALL, FrozenMap.SMALL + 1}) {
            Map<String, Object> source = sample(n);
            Map<String, Object> copy = FrozenMap.copyOf(source);
            assertThat(new ArrayList<>(copy.keySet())).containsExactlyElementsOf(source.keySet());
            assertThat(copy).isEqualTo(source).hasSameHashCodeAs(source);
            assertThat(copy.containsKey("k3")).isTrue();
            assertThat(copy.get("k3")).isNull();
            assertThat(copy.containsKey("absent")).isFalse();
            List<String> seen = new ArrayList<>();
            copy.forEach((k, v) -> seen.add(k + "=" + v));
            assertThat(seen).hasSize(n);
        }
    }

    @Test
    void aCopyIsUnmodifiableAndDetached() {
        Map<String, Object> source = sample(4);
        Map<String, Object> copy = FrozenMap.copyOf(source);
        source.put("later", 1L);
        assertThat(copy).doesNotContainKey("later");
        assertThatThrownBy(() -> copy.put("x", 1L)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> copy.entrySet().iterator().next().setValue(2L))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> copy.keySet().remove("k1")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void resultsDictsMadeFromTheSameMapsAreEqual() {
        ResultsDict a = new ResultsDict(sample(2), Map.of(Experiment.STATUS, true), sample(3));
        ResultsDict b = new ResultsDict(new LinkedHashMap<>(sample(2)), Map.of(Experiment.STATUS, true), sample(3));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.parameters()).isEqualTo(sample(2));
    }
}
