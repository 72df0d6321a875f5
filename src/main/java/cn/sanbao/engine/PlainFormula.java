package cn.sanbao.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says a model formula the way an official reads it: data items by their Chinese names and ordinary
 * signs, e.g. {@code paid_wage / (budget_wage * T)} → 保工资累计支出 ÷（保工资预算安排 × 时序进度）.
 * The analyst's parentheses are kept (full width); max/min/abs become 较大值/较小值/绝对值, a condition
 * {@code c ? a : b} becomes 当…时为…，否则为…. Text it cannot read is returned unchanged.
 */
public final class PlainFormula {

    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(?:(\\d+(?:\\.\\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|('[^']*'|\"[^\"]*\")|(==|!=|>=|<=|&&|\\|\\||[-+*/%()<>?:,!]))");
    private static final Map<String, String> WORDS = Map.of("and", "&&", "or", "||", "not", "!", "eq", "==", "ne", "!=",
            "lt", "<", "le", "<=", "gt", ">", "ge", ">=");
    private static final Map<String, String> SIGNS = Map.ofEntries(Map.entry("+", "+"), Map.entry("-", "−"),
            Map.entry("*", "×"), Map.entry("/", "÷"), Map.entry("%", "取余"), Map.entry("==", "="), Map.entry("!=", "≠"),
            Map.entry(">=", "≥"), Map.entry("<=", "≤"), Map.entry(">", ">"), Map.entry("<", "<"),
            Map.entry("&&", "且"), Map.entry("||", "或"));
    private static final Map<String, String> FUNCTIONS = Map.of("max", "较大值", "min", "较小值", "abs", "绝对值");
    private static final List<List<String>> LEVELS = List.of(List.of("||"), List.of("&&"), List.of("==", "!="),
            List.of(">=", "<=", ">", "<"), List.of("+", "-"), List.of("*", "/", "%"));

    private final List<String> tokens = new ArrayList<>();
    private final Vocabulary words;
    private int at;

    private PlainFormula(List<String> tokens, Vocabulary words) {
        this.tokens.addAll(tokens);
        this.words = words;
    }

    /** The formula in plain Chinese; {@code null} stays null. */
    public static String text(String formula, Vocabulary words) {
        if (formula == null) return null;
        List<String> tokens = tokens(formula);
        if (tokens == null) return formula;
        PlainFormula p = new PlainFormula(tokens, words);
        try {
            String out = p.ternary();
            if (p.at != tokens.size()) return formula;
            return tidy(out);
        } catch (IllegalStateException e) {
            return formula;
        }
    }

    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        int pos = 0;
        while (pos < text.length()) {
            if (!m.find(pos) || m.start() != pos) return text.substring(pos).isBlank() ? out : null;
            String t = m.group().strip();
            out.add(WORDS.getOrDefault(t, t));
            pos = m.end();
        }
        return out;
    }

    private String ternary() {
        String c = binary(0);
        if (!accept("?")) return c;
        String a = ternary();
        expect(":");
        String b = ternary();
        return "当" + c + "时为" + a + "，否则为" + b;
    }

    private String binary(int level) {
        if (level == LEVELS.size()) return unary();
        String left = binary(level + 1);
        while (at < tokens.size() && LEVELS.get(level).contains(tokens.get(at))) {
            String op = tokens.get(at++);
            left = left + " " + SIGNS.get(op) + " " + binary(level + 1);
        }
        return left;
    }

    private String unary() {
        if (accept("-")) return "−" + unary();
        if (accept("+")) return unary();
        if (accept("!")) return "非" + unary();
        return primary();
    }

    private String primary() {
        if (at >= tokens.size()) throw new IllegalStateException();
        String t = tokens.get(at++);
        if (t.equals("(")) {
            String inner = ternary();
            expect(")");
            return "（" + inner + "）";
        }
        if (Character.isDigit(t.charAt(0))) return t;
        if (t.startsWith("'") || t.startsWith("\"")) return words.level(t.substring(1, t.length() - 1));
        if (Character.isLetter(t.charAt(0)) || t.charAt(0) == '_') {
            if (FUNCTIONS.containsKey(t) && accept("(")) {
                List<String> args = new ArrayList<>();
                if (!accept(")")) {
                    do args.add(ternary()); while (accept(","));
                    expect(")");
                }
                return FUNCTIONS.get(t) + "（" + String.join("，", args) + "）";
            }
            if (t.equals("true")) return "是";
            if (t.equals("false")) return "否";
            return words.name(t);
        }
        throw new IllegalStateException();
    }

    private boolean accept(String t) {
        if (at < tokens.size() && tokens.get(at).equals(t)) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(String t) {
        if (!accept(t)) throw new IllegalStateException();
    }

    /** Full-width brackets and commas carry their own spacing. */
    private static String tidy(String s) {
        return s.replace(" （", "（").replace("） ", "）").replace("（ ", "（").replace(" ）", "）");
    }
}
