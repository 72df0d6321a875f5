package cn.sanbao.engine;

import cn.sanbao.kernel.Period;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Formulas that read a data item in earlier periods (docs/model-format.md):
 * {@code prev(x)} / {@code prev(x, 2)} — one / two periods of the run's kind back;
 * {@code x@-1Y} — the same period one year back; {@code avg(e, 3Y)} — the mean of {@code e} in this and the
 * two years before; {@code count(c, 3Y)} — in how many of them condition {@code c} holds. Before compiling, they are rewritten into plain expressions over one variable per item
 * and distance ({@link Lag#name()}, e.g. {@code x__Y1}); whoever builds the engine input supplies those
 * values, read by the same period rule as the current ones.
 */
public final class EarlierPeriods {

    /** Longest window or distance a formula may ask for. */
    static final int MAX_DISTANCE = 20;
    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(?:(\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|('[^']*'|\"[^\"]*\")|(==|!=|>=|<=|&&|\\|\\||=~|!~|<<|>>|\\S))");
    private static final Set<String> KEYWORDS = Set.of("true", "false", "null", "and", "or", "not", "eq", "ne",
            "lt", "le", "gt", "ge", "div", "mod", "empty", "size");

    private EarlierPeriods() {
    }

    /** A data item some distance back: {@code years} true = n years, false = n periods of the run's kind. */
    public record Lag(String item, boolean years, int distance) {

        private static final Pattern NAME = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*?)__([YP])(\\d+)");

        /** The variable formulas see, e.g. {@code x__Y1}. */
        public String name() {
            return item + "__" + (years ? "Y" : "P") + distance;
        }

        /** The lag a variable name stands for, or null for an ordinary name. */
        public static Lag parse(String variable) {
            Matcher m = NAME.matcher(variable);
            return m.matches() ? new Lag(m.group(1), m.group(2).equals("Y"), Integer.parseInt(m.group(3))) : null;
        }

        /** The scoring period whose value this lag reads when scoring {@code period}. */
        public Period apply(Period period) {
            if (!years) {
                Period p = period;
                for (int i = 0; i < distance; i++) p = p.previous();
                return p;
            }
            int y = period.year() - distance;
            return switch (period.type()) {
                case YEAR -> Period.year(y);
                case MONTH -> Period.month(y, period.number());
                case WEEK -> Period.week(y, Math.min(period.number(), Period.weeksIn(y)));
            };
        }

        /** Chinese, e.g. "上年" or "前 2 期". */
        public String label() {
            if (distance == 1) return years ? "上年" : "上期";
            return "前 " + distance + (years ? " 年" : " 期");
        }
    }

    /** Every lag the model's formulas read. */
    public static Set<Lag> of(ScoringModel model) {
        Set<Lag> out = new LinkedHashSet<>();
        Stream.of(model.derived().stream().map(ScoringModel.Derived::formula),
                        model.indicators().stream().map(ScoringModel.Indicator::formula),
                        model.overrides().stream().map(ScoringModel.Override::when),
                        model.decisionTable().stream().map(ScoringModel.DecisionRule::when))
                .flatMap(s -> s)
                .forEach(f -> f.variables().forEach(v -> {
                    Lag l = Lag.parse(v);
                    if (l != null) out.add(l);
                }));
        return out;
    }

    /** The formula with every earlier-period form rewritten; text without them comes back unchanged. */
    static String expand(String text) {
        if (!text.contains("@") && !text.matches("(?s).*\\b(prev|avg|count)\\s*\\(.*")) return text;
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        int pos = 0;
        while (pos < text.length() && m.find(pos) && m.start() == pos) {
            if (!m.group().isBlank()) tokens.add(m.group().strip());
            pos = m.end();
        }
        if (!text.substring(pos).isBlank()) throw new IllegalArgumentException("公式“" + text + "”无法识别：" + text.substring(pos));
        return new Expander(tokens, text).all();
    }

    private static final class Expander {
        private final List<String> tokens;
        private final String text;

        Expander(List<String> tokens, String text) {
            this.tokens = tokens;
            this.text = text;
        }

        String all() {
            return part(0, tokens.size(), 0, false);
        }

        /** Tokens [from, to) as JEXL, every data item moved {@code shift} years back (0 = not moved). */
        private String part(int from, int to, int shift, boolean inWindow) {
            StringBuilder out = new StringBuilder();
            for (int i = from; i < to; i++) {
                String t = tokens.get(i);
                boolean name = Character.isLetter(t.charAt(0)) || t.charAt(0) == '_';
                boolean call = name && i + 1 < to && tokens.get(i + 1).equals("(");
                if (call && (t.equals("prev") || t.equals("avg") || t.equals("count"))) {
                    int close = closing(i + 1, to);
                    List<int[]> args = args(i + 2, close);
                    out.append(' ').append(switch (t) {
                        case "prev" -> prev(args, shift);
                        default -> window(t, args, inWindow);
                    });
                    i = close;
                } else if (name && !call && i + 1 < to && tokens.get(i + 1).equals("@")) {
                    // x@-1Y, x@-2
                    if (i + 3 >= to || !tokens.get(i + 2).equals("-") || !tokens.get(i + 3).matches("\\d+"))
                        throw problem("“" + t + "@”后应为 -1Y（上年）或 -1（上期）这样的写法");
                    int n = distance(tokens.get(i + 3));
                    boolean years = i + 4 < to && tokens.get(i + 4).equals("Y");
                    if (shift > 0) throw problem("往期写法不能嵌套（" + t + "@-" + n + "）");
                    out.append(' ').append(new Lag(t, years, n).name());
                    i += years ? 4 : 3;
                } else if (name && !call && shift > 0 && !KEYWORDS.contains(t) && !(i > from && tokens.get(i - 1).equals("."))) {
                    if (Lag.parse(t) != null) throw problem("往期写法不能嵌套（" + t + "）");
                    out.append(' ').append(new Lag(t, true, shift).name());
                } else {
                    out.append(' ').append(t);
                }
            }
            return out.toString().strip();
        }

        private String prev(List<int[]> args, int shift) {
            if (shift > 0) throw problem("prev 不能写在 avg、count 之内");
            if (args.isEmpty() || args.size() > 2 || args.get(0)[1] - args.get(0)[0] != 1)
                throw problem("prev 的写法应为 prev(数据项) 或 prev(数据项, 期数)，如 prev(cash_balance, 1)");
            String item = tokens.get(args.get(0)[0]);
            int n = 1;
            if (args.size() == 2) {
                int[] a = args.get(1);
                if (a[1] - a[0] != 1 || !tokens.get(a[0]).matches("\\d+")) throw problem("prev 的期数应为正整数，如 prev(x, 2)");
                n = distance(tokens.get(a[0]));
            }
            return new Lag(item, false, n).name();
        }

        /** avg(e, 3Y) → ((e) + (e 1 year back) + (e 2 years back)) / 3; count(c, 3Y) → sum of (c ? 1 : 0). */
        private String window(String fn, List<int[]> args, boolean inWindow) {
            if (inWindow) throw problem(fn + " 不能嵌套在另一个 avg、count 之内");
            if (args.size() != 2) throw problem(fn + " 的写法应为 " + fn + "(表达式, 3Y)：表达式和年数（含本期）");
            int[] w = args.get(1);
            int len = w[1] - w[0];
            if (len < 1 || len > 2 || !tokens.get(w[0]).matches("\\d+") || (len == 2 && !tokens.get(w[0] + 1).equals("Y")))
                throw problem(fn + " 的第二个参数应为年数，如 3Y（本期及之前两年）");
            int n = distance(tokens.get(w[0]));
            if (len == 1) throw problem(fn + " 的窗口请写年数，如 " + n + "Y");
            List<String> parts = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                String e = part(args.get(0)[0], args.get(0)[1], k, true);
                parts.add(fn.equals("avg") ? "(" + e + ")" : "((" + e + ") ? 1 : 0)");
            }
            String sum = "(" + String.join(" + ", parts) + ")";
            return fn.equals("avg") ? "(" + sum + " / " + n + ")" : sum;
        }

        private int distance(String digits) {
            int n = digits.length() > 3 ? Integer.MAX_VALUE : Integer.parseInt(digits);
            if (n < 1 || n > MAX_DISTANCE) throw problem("往期距离应在 1 到 " + MAX_DISTANCE + " 之间：" + digits);
            return n;
        }

        private int closing(int open, int to) {
            int depth = 0;
            for (int i = open; i < to; i++) {
                if (tokens.get(i).equals("(")) depth++;
                else if (tokens.get(i).equals(")") && --depth == 0) return i;
            }
            throw problem("括号不配对");
        }

        /** Top-level comma-separated ranges [start, end) between from and close. */
        private List<int[]> args(int from, int close) {
            List<int[]> out = new ArrayList<>();
            int depth = 0;
            int start = from;
            for (int i = from; i < close; i++) {
                String t = tokens.get(i);
                if (t.equals("(")) depth++;
                else if (t.equals(")")) depth--;
                else if (t.equals(",") && depth == 0) {
                    out.add(new int[] {start, i});
                    start = i + 1;
                }
            }
            if (close > from) out.add(new int[] {start, close});
            for (int[] a : out) if (a[1] <= a[0]) throw problem("函数参数为空");
            return out;
        }

        private IllegalArgumentException problem(String message) {
            return new IllegalArgumentException("公式“" + text.trim() + "”：" + message);
        }
    }
}
