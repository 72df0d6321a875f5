package cn.sanbao.shared;

import java.math.BigDecimal;

/**
 * The one parser for numbers typed or uploaded by users (templates, push, payment detail, project and
 * scope imports, decision forms). {@code new BigDecimal} is quadratic in the digit count and an
 * exponent such as 1e999999999 explodes on the first setScale, so the text is bounded and checked
 * character by character BEFORE it is parsed.
 *
 * Accepted: optional sign, ASCII digits, one decimal point, thousands separators (,), full-width digits
 * and signs (１２３．５), and a small exponent (|e| ≤ {@value #MAX_EXPONENT}, as Excel's CSV export writes
 * 1.2E+10). Refused with a Chinese reason: anything longer than {@value #MAX_LENGTH} characters,
 * NaN/Infinity, hex, other scripts' digits, spaces inside, more than {@value #MAX_INTEGER_DIGITS}
 * integer digits or {@value #MAX_SCALE} decimals.
 */
public final class Decimals {

    public static final int MAX_LENGTH = 30;
    public static final int MAX_EXPONENT = 20;
    /** numeric(20, 2) and the like: 18 integer digits is more than any amount in 元. */
    public static final int MAX_INTEGER_DIGITS = 18;
    public static final int MAX_SCALE = 10;

    /** A number a user gave that cannot be taken; the message is Chinese and names the text (shortened). */
    public static final class Invalid extends IllegalArgumentException {
        public Invalid(String message) { super(message); }
    }

    private Decimals() {
    }

    /** Parses bounded text; throws {@link Invalid} with the reason. */
    public static BigDecimal parse(String text) {
        if (text == null) throw new Invalid("不是数字：空值");
        String t = text.strip();
        if (t.isEmpty()) throw new Invalid("不是数字：空值");
        if (t.length() > MAX_LENGTH) {
            throw new Invalid("数字过长（" + t.length() + " 个字符，最多 " + MAX_LENGTH + " 个）：“" + quote(t) + "”");
        }
        StringBuilder plain = new StringBuilder(t.length());
        int exponentAt = -1;
        boolean digits = false;
        boolean point = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') c = (char) (c - 0xFEE0); // full-width ASCII → ASCII
            else if (c == '\u3002' && i > 0) c = '.';                  // 。 typed for a decimal point
            if (c >= '0' && c <= '9') {
                digits = true;
                plain.append(c);
            } else if (c == ',' && exponentAt < 0 && !point && digits) {
                continue; // thousands separator
            } else if ((c == '+' || c == '-') && (i == 0 || (exponentAt >= 0 && plain.length() == exponentAt + 1))) {
                plain.append(c);
            } else if (c == '.' && !point && exponentAt < 0) {
                point = true;
                plain.append(c);
            } else if ((c == 'e' || c == 'E') && exponentAt < 0 && digits) {
                exponentAt = plain.length();
                plain.append('e');
            } else {
                throw new Invalid("不是数字：“" + quote(t) + "”");
            }
        }
        String s = plain.toString();
        if (!digits || s.endsWith("e") || s.endsWith("+") || s.endsWith("-") || s.equals(".")) {
            throw new Invalid("不是数字：“" + quote(t) + "”");
        }
        if (exponentAt >= 0) {
            String exp = s.substring(exponentAt + 1);
            int digitsOnly = exp.replace("+", "").replace("-", "").length();
            if (digitsOnly == 0 || digitsOnly > 3 || Math.abs(Integer.parseInt(exp)) > MAX_EXPONENT) {
                throw new Invalid("数值超出允许范围（科学计数法的指数过大）：“" + quote(t) + "”");
            }
        }
        BigDecimal v;
        try {
            v = new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new Invalid("不是数字：“" + quote(t) + "”");
        }
        return bounded(v, t);
    }

    /** The value, or null when the text is not a bounded number (for callers that word their own reason). */
    public static BigDecimal orNull(String text) {
        try {
            return parse(text);
        } catch (Invalid e) {
            return null;
        }
    }

    /**
     * Checks a number that arrived already parsed (a JSON number, an Excel numeric cell): a huge exponent
     * would otherwise be expanded by the first setScale or toPlainString.
     */
    public static BigDecimal bounded(BigDecimal v, String shown) {
        if (v.precision() - v.scale() > MAX_INTEGER_DIGITS) {
            throw new Invalid("数值过大，超出允许范围（最多 " + MAX_INTEGER_DIGITS + " 位整数）：“" + quote(shown) + "”");
        }
        if (v.scale() > MAX_SCALE && v.stripTrailingZeros().scale() > MAX_SCALE) {
            throw new Invalid("小数位过多（最多 " + MAX_SCALE + " 位）：“" + quote(shown) + "”");
        }
        return v.signum() == 0 ? BigDecimal.ZERO.setScale(Math.max(0, Math.min(v.scale(), MAX_SCALE))) : v;
    }

    /** Text cut to a length that is safe to show in a message. */
    public static String quote(String t) {
        return t.length() <= 40 ? t : t.substring(0, 40) + "…";
    }
}
