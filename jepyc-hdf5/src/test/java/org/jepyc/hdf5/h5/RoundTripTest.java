package org.jepyc.hdf5.h5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes tables with every field type, appends in a second call, and reads everything back. */
class RoundTripTest {

    @TempDir
    Path tmp;

    /** Every field type epyc's mapping can produce, with awkward values in each. */
    static final List<Field> FIELDS = List.of(
            new Field("i64", FieldType.INT64),
            new Field("i32", FieldType.integer(32, true)),
            new Field("u8", FieldType.integer(8, false)),
            new Field("f64", FieldType.FLOAT64),
            new Field("f32", FieldType.floating(32)),
            new Field("flag", FieldType.BOOL),
            new Field("name", FieldType.STRING),
            new Field("z", FieldType.COMPLEX),
            new Field("ints", FieldType.vlen(FieldType.INT64)),
            new Field("floats", FieldType.vlen(FieldType.FLOAT64)),
            new Field("words", FieldType.vlen(FieldType.STRING)),
            new Field("flags", FieldType.vlen(FieldType.BOOL)),
            new Field("zs", FieldType.vlen(FieldType.COMPLEX)));

    static Map<String, ColumnData> columns(int n) {
        long[] i64 = new long[n];
        long[] i32 = new long[n];
        long[] u8 = new long[n];
        double[] f64 = new double[n];
        double[] f32 = new double[n];
        boolean[] flag = new boolean[n];
        String[] name = new String[n];
        double[] re = new double[n];
        double[] im = new double[n];
        List<?>[] ints = new List<?>[n];
        List<?>[] floats = new List<?>[n];
        List<?>[] words = new List<?>[n];
        List<?>[] flags = new List<?>[n];
        List<?>[] zs = new List<?>[n];
        String[] strangeNames = {"", "plain", "ünïcödé — ελληνικά", "emoji 🎲🧪", "multi\nline \"quoted\"", "中文"};
        for (int i = 0; i < n; i++) {
            i64[i] = i == 1 ? Long.MIN_VALUE : i == 2 ? Long.MAX_VALUE : i * 1_000_000_007L;
            i32[i] = -i * 1000;
            u8[i] = (i * 37) % 256;
            f64[i] = i == 3 ? Double.NaN : i == 4 ? Double.NEGATIVE_INFINITY : i / 7.0;
            f32[i] = i * 0.5; // exactly representable in float32
            flag[i] = i % 3 == 0;
            name[i] = strangeNames[i % strangeNames.length] + (i >= strangeNames.length ? "#" + i : "");
            re[i] = i;
            im[i] = -i / 3.0;
            List<Long> li = new ArrayList<>();
            List<Double> lf = new ArrayList<>();
            List<String> lw = new ArrayList<>();
            List<Boolean> lb = new ArrayList<>();
            List<ComplexPair> lz = new ArrayList<>();
            for (int k = 0; k < i % 4; k++) { // row 0, 4, 8 ... have empty lists
                li.add((long) k * i);
                lf.add(k + 0.25);
                lw.add(k == 1 ? "añejo 🍷" : "w" + k);
                lb.add(k % 2 == 1);
                lz.add(new ComplexPair(k, -k));
            }
            ints[i] = li;
            floats[i] = lf;
            words[i] = lw;
            flags[i] = lb;
            zs[i] = lz;
        }
        Map<String, ColumnData> m = new LinkedHashMap<>();
        m.put("i64", new ColumnData.Longs(i64));
        m.put("i32", new ColumnData.Longs(i32));
        m.put("u8", new ColumnData.Longs(u8));
        m.put("f64", new ColumnData.Doubles(f64));
        m.put("f32", new ColumnData.Doubles(f32));
        m.put("flag", new ColumnData.Booleans(flag));
        m.put("name", new ColumnData.Strings(name));
        m.put("z", new ColumnData.Complexes(re, im));
        m.put("ints", new ColumnData.Lists(ints));
        m.put("floats", new ColumnData.Lists(floats));
        m.put("words", new ColumnData.Lists(words));
        m.put("flags", new ColumnData.Lists(flags));
        m.put("zs", new ColumnData.Lists(zs));
        return m;
    }

    /** Writes rows [0, 5) then appends [5, 13) in a second call, as a commit would. */
    static void writeTable(H5File f) {
        Groups.create(f, "set");
        Map<String, ColumnData> data = columns(13);
        try (CompoundTable t = CompoundTable.create(f, "set/results", FIELDS, 0, 4)) {
            t.write(data, 0, 5);
            assertThat(t.size()).isEqualTo(5);
            t.write(data, 5, 13);
            assertThat(t.size()).isEqualTo(13);
            t.attributes().writeStringArray("metadata", List.of("i64", "i32"));
            t.attributes().writeStringArray("parameters", List.of());
            t.attributes().writeStringArray("results", List.of("ünï", "name"));
        }
        Attributes root = f.attributes("/");
        root.writeString("version", "1");
        root.writeString("description", "Ünïcödé description 🎲");
        root.writeBool("locked", true);
        f.attributes("set").writeString("trials", "3");
        f.attributes("set").writeBool("locked", false);
    }

    @Test
    void everyTypeSurvivesWriteAppendAndRead() {
        Path p = tmp.resolve("rt.h5");
        try (H5File f = H5File.create(p)) {
            writeTable(f);
        }
        Map<String, ColumnData> expected = columns(13);
        try (H5File f = H5File.open(p, true); CompoundTable t = CompoundTable.open(f, "set/results")) {
            assertThat(t.fields()).containsExactlyElementsOf(FIELDS);
            Map<String, ColumnData> back = t.read();
            assertThat(back.keySet()).containsExactlyElementsOf(expected.keySet());
            for (String k : expected.keySet()) {
                assertThat(back.get(k)).as(k).isEqualTo(expected.get(k));
            }
            assertThat(t.read(List.of("name", "zs"), 11, 13).get("name"))
                    .isEqualTo(new ColumnData.Strings(Arrays.copyOfRange(((ColumnData.Strings) expected.get("name")).values(), 11, 13)));
            assertThat(t.attributes().readStringArray("parameters")).isEmpty();
            assertThat(t.attributes().readStringArray("results")).containsExactly("ünï", "name");
            Attributes root = f.attributes("/");
            assertThat(root.names()).containsExactly("description", "locked", "version");
            assertThat(root.readString("description")).isEqualTo("Ünïcödé description 🎲");
            assertThat(root.readBool("locked")).isTrue();
            assertThat(root.readAsString("locked")).isEqualTo("True");
            assertThat(f.attributes("set").readAsString("trials")).isEqualTo("3");
        }
    }

    @Test
    void rewritingAPrefixAndShrinkingWork() {
        Path p = tmp.resolve("rw.h5");
        try (H5File f = H5File.create(p)) {
            writeTable(f);
            try (CompoundTable t = CompoundTable.open(f, "set/results")) {
                Map<String, ColumnData> upd = new LinkedHashMap<>();
                upd.put("name", new ColumnData.Strings(new String[] {"first", "second"}));
                t.write(upd, 0, 2); // other fields of rows 0..1 untouched
                t.resize(3);
                assertThat(t.readColumn("name")).isEqualTo(new ColumnData.Strings(new String[] {"first", "second",
                        ((ColumnData.Strings) columns(3).get("name")).values()[2]}));
                assertThat(t.readColumn("i64")).isEqualTo(new ColumnData.Longs(
                        Arrays.copyOf(((ColumnData.Longs) columns(3).get("i64")).values(), 3)));
                t.resize(5); // grown rows are zero-filled: 0, "", empty lists
                assertThat(t.read(List.of("i64", "name", "ints"), 3, 5)).containsExactlyInAnyOrderEntriesOf(Map.of(
                        "i64", new ColumnData.Longs(new long[2]),
                        "name", new ColumnData.Strings(new String[] {"", ""}),
                        "ints", new ColumnData.Lists(new List<?>[] {List.of(), List.of()})));
            }
            Groups.delete(f, "set/results");
            assertThat(Groups.linkExists(f, "set/results")).isFalse();
            f.attributes("set").deleteAll();
            assertThat(f.attributes("set").names()).isEmpty();
            Groups.delete(f, "set");
            assertThat(Groups.listRoot(f)).isEmpty();
        }
    }

    @Test
    void badInputIsRejectedWithoutTouchingNativeCode() {
        try (H5File f = H5File.create(tmp.resolve("bad.h5"))) {
            Groups.create(f, "g");
            try (CompoundTable t = CompoundTable.create(f, "g/t", List.of(new Field("x", FieldType.INT64),
                    new Field("l", FieldType.vlen(FieldType.STRING))), 0, 16)) {
                assertThatThrownBy(() -> t.write(Map.of("x", new ColumnData.Strings(new String[] {"a"})), 0, 1))
                        .isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> t.write(Map.of("nope", new ColumnData.Longs(new long[1])), 0, 1))
                        .isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> t.write(Map.of("x", new ColumnData.Longs(new long[1])), 0, 2))
                        .isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> t.write(Map.of("l", new ColumnData.Lists(new List<?>[] {List.of(1L)})), 0, 1))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("element");
                assertThatThrownBy(() -> t.read(List.of("x"), 0, 5)).isInstanceOf(H5FileException.class);
                assertThat(t.size()).isZero();
            }
            assertThatThrownBy(() -> CompoundTable.create(f, "g/t", List.of(new Field("x", FieldType.INT64)), 0, 4))
                    .isInstanceOf(H5FileException.class).hasMessageContaining("bad.h5");
        }
    }
}
