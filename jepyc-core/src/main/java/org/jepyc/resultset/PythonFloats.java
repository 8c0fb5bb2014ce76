package org.jepyc.resultset;

import java.math.BigDecimal;

import com.fasterxml.jackson.core.io.NumberOutput;

/**
 * Formats a double as Python's {@code repr(float)} (and so its {@code json} module) writes it:
 * the shortest digits that read back to the same double, in fixed notation when the decimal
 * exponent is in [-4, 16), otherwise as {@code 1e-05} / {@code 1.5e+300}; {@code NaN},
 * {@code Infinity} and {@code -Infinity} bare. Files then look like epyc's, digit for digit.
 */
public final class PythonFloats {

    private PythonFloats() { }

    /**
     * @param d a double
     * @return Python's {@code str(d)}: as {@link #repr}, but {@code nan}, {@code inf}, {@code -inf}
     */
    public static String str(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        return repr(d);
    }

    /**
     * @param d a double
     * @return its Python {@code repr}, as a JSON number token
     */
    public static String repr(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        // Jackson's Schubfach gives the shortest round-trip digits on any JDK (JDK 17's
        // Double.toString does not); only the layout differs from Python's
        String s = NumberOutput.toString(d, true);
        boolean negative = s.charAt(0) == '-';
        int e = s.indexOf('E');
        String mantissa = s.substring(negative ? 1 : 0, e < 0 ? s.length() : e);
        int exponent = e < 0 ? 0 : Integer.parseInt(s.substring(e + 1));
        int dot = mantissa.indexOf('.');
        StringBuilder digits = new StringBuilder(mantissa.length());
        digits.append(mantissa, 0, dot < 0 ? mantissa.length() : dot);
        if (dot >= 0) {
            digits.append(mantissa, dot + 1, mantissa.length());
        }
        // value = 0.<digits> x 10^decpt
        int decpt = (dot < 0 ? mantissa.length() : dot) + exponent;
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
            lead++;
        }
        digits.delete(0, lead);
        decpt -= lead;
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        digits.setLength(end);
        String ds = digits.toString();
        if (ds.length() == 2) {
            // Java may pick a 2-digit decimal where one digit already reads back (5e-324 vs
            // 4.9E-324); Python takes the shortest, the nearer one if both do
            String one = oneDigit(Math.abs(d), ds, decpt);
            if (one != null) {
                if (one.length() > 1) {      // rounding 9x up carried into a new digit
                    decpt++;
                    one = "1";
                }
                ds = one;
            }
        }
        StringBuilder out = new StringBuilder(ds.length() + 8);
        if (negative) {
            out.append('-');
        }
        if (decpt > -4 && decpt <= 16) {
            if (decpt <= 0) {
                out.append("0.");
                for (int i = decpt; i < 0; i++) {
                    out.append('0');
                }
                out.append(ds);
            } else if (decpt < ds.length()) {
                out.append(ds, 0, decpt).append('.').append(ds, decpt, ds.length());
            } else {
                out.append(ds);
                for (int i = ds.length(); i < decpt; i++) {
                    out.append('0');
                }
                out.append(".0");
            }
        } else {
            out.append(ds.charAt(0));
            if (ds.length() > 1) {
                out.append('.').append(ds, 1, ds.length());
            }
            int x = decpt - 1;
            out.append('e').append(x < 0 ? '-' : '+');
            int ax = Math.abs(x);
            if (ax < 10) {
                out.append('0');
            }
            out.append(ax);
        }
        return out.toString();
    }

    /** @return the one-digit decimal (as digit text, "10" on carry) that reads back to d, or null */
    private static String oneDigit(double d, String two, int decpt) {
        int first = two.charAt(0) - '0';
        String down = Integer.toString(first);
        String up = Integer.toString(first + 1);
        boolean downOk = first > 0 && Double.parseDouble(down + "e" + (decpt - 1)) == d;
        boolean upOk = Double.parseDouble(up + "e" + (decpt - 1)) == d;
        if (downOk && upOk) {
            BigDecimal exact = new BigDecimal(d);
            BigDecimal a = new BigDecimal(down + "e" + (decpt - 1)).subtract(exact).abs();
            BigDecimal b = new BigDecimal(up + "e" + (decpt - 1)).subtract(exact).abs();
            return a.compareTo(b) <= 0 ? down : up;
        }
        return downOk ? down : upOk ? up : null;
    }
}
