package org.jepyc.hdf5;

import java.time.LocalDateTime;
import java.util.List;

import org.jepyc.Complex;
import org.jepyc.hdf5.h5.Attributes;
import org.jepyc.resultset.Timestamps;

/** Python's {@code str()} of attribute values: epyc stores result-set attributes as that text. */
final class PythonText {

    private PythonText() { }

    /** @param v a canonical value @return the text Python's {@code str()} would give */
    static String str(Object v) {
        return v instanceof String s ? s : repr(v, false);
    }

    private static String repr(Object v, boolean quoteStrings) {
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof Double d) {
            return Attributes.pythonFloat(d);
        }
        if (v instanceof LocalDateTime t) {
            String s = Timestamps.format(t).replace('T', ' ');
            return quoteStrings ? "'" + s + "'" : s;
        }
        if (v instanceof Complex z) {
            return "(" + Attributes.pythonFloat(z.re()).replaceAll("\\.0$", "")
                    + (z.im() < 0 ? "-" : "+") + Attributes.pythonFloat(Math.abs(z.im())).replaceAll("\\.0$", "") + "j)";
        }
        if (v instanceof List<?> l) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(repr(l.get(i), true));
            }
            return b.append(']').toString();
        }
        if (v instanceof String s && quoteStrings) {
            return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        return String.valueOf(v);
    }
}
