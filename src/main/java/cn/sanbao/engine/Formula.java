package cn.sanbao.engine;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.JexlScript;
import org.apache.commons.jexl3.MapContext;
import org.apache.commons.jexl3.introspection.JexlPermissions;
import cn.sanbao.engine.functions.FormulaFunctions;

/**
 * An analyst-written expression, compiled once. Formulas are sandboxed: no method calls, no object
 * creation, no assignment, no loops, no access to any class but {@link FormulaFunctions}.
 */
public final class Formula {

    private static final JexlEngine JEXL = createEngine();
    /** Bitwise operators: JEXL would silently compute 2 ^ 3 as XOR (1), never as a power. */
    private static final Pattern BITWISE = Pattern.compile("\\^|~|<<|>>|(?<![&|])[&|](?![&|])");
    /** A name followed by "(": a function call, unless it is one of JEXL's word operators. */
    private static final Pattern CALL = Pattern.compile("(?<![A-Za-z0-9_.])([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");
    private static final Set<String> FUNCTIONS = Set.of("max", "min", "abs");
    private static final Set<String> WORD_OPERATORS = Set.of("and", "or", "not", "eq", "ne", "lt", "le", "gt", "ge", "div", "mod");
    private static final Pattern STRING_LITERAL = Pattern.compile("'[^']*'|\"[^\"]*\"|`[^`]*`");

    private final String text;
    private final JexlScript script;
    private final Set<String> variables;

    private Formula(String text, JexlScript script, Set<String> variables) {
        this.text = text;
        this.script = script;
        this.variables = variables;
    }

    /** Compiles a formula; a syntax error or forbidden construct throws with a Chinese message. */
    public static Formula compile(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("公式为空");
        String written = text;
        text = EarlierPeriods.expand(text); // prev(x), x@-1Y, avg(e, 3Y), count(c, 3Y) → plain expressions
        String code = STRING_LITERAL.matcher(text).replaceAll("''");
        if (BITWISE.matcher(code).find())
            throw new IllegalArgumentException("公式“" + written.trim() + "”使用了位运算符（^ & | ~ << >>），公式中不支持；注意 ^ 不是乘方");
        try {
            JexlScript script = JEXL.createScript(text.trim());
            Set<String> vars = new LinkedHashSet<>();
            for (List<String> path : script.getVariables()) {
                if (path.size() > 1)
                    throw new IllegalArgumentException("公式“" + written.trim() + "”读取了属性“" + String.join(".", path)
                            + "”，公式中不允许访问属性（只允许四则运算、比较、逻辑运算和 max/min/abs 函数）");
                vars.add(path.get(0));
            }
            Matcher call = CALL.matcher(code);
            while (call.find())
                if (!FUNCTIONS.contains(call.group(1)) && !WORD_OPERATORS.contains(call.group(1)))
                    throw new IllegalArgumentException("公式“" + written.trim() + "”调用了未知函数“" + call.group(1) + "”，只能使用 max、min、abs");
            return new Formula(written.trim(), script, Set.copyOf(vars));
        } catch (JexlException.Feature e) {
            throw new IllegalArgumentException("公式“" + written.trim() + "”使用了不允许的写法（只允许四则运算、比较、逻辑运算和 max/min/abs 函数）");
        } catch (JexlException e) {
            throw new IllegalArgumentException("公式“" + written.trim() + "”语法错误：" + shortMessage(e));
        }
    }

    public String text() { return text; }

    /** Names the formula reads: data items, derived values, indicator codes or T. */
    public Set<String> variables() { return variables; }

    /**
     * Evaluates with the given values (all referenced variables must be present; callers check for
     * missing ones first so they can say which are missing).
     */
    @SuppressWarnings("unchecked")
    public Object evaluate(Map<String, ?> values) {
        // No copy: the sandbox forbids assignment, so a formula cannot change the caller's map.
        MapContext ctx = new MapContext((Map<String, Object>) values);
        try {
            return script.execute(ctx);
        } catch (JexlException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ArithmeticException) throw new FormulaException("除数为零或运算无效（" + text + "）");
            throw new FormulaException("公式“" + text + "”无法计算：" + shortMessage(e));
        }
    }

    /** Evaluates to a number; anything else is a model error. */
    public BigDecimal evaluateNumber(Map<String, ?> values) {
        Object r = evaluate(values);
        if (r instanceof BigDecimal b) return b;
        if (r instanceof Number n) return new BigDecimal(n.toString());
        throw new FormulaException("公式“" + text + "”的结果不是数值：" + r);
    }

    public boolean evaluateCondition(Map<String, ?> values) {
        Object r = evaluate(values);
        if (r instanceof Boolean b) return b;
        throw new FormulaException("条件“" + text + "”的结果不是真/假：" + r);
    }

    private static String shortMessage(JexlException e) {
        String m = e.getMessage();
        int at = m == null ? -1 : m.indexOf('@');
        return at >= 0 ? m.substring(at) : String.valueOf(m);
    }

    private static JexlEngine createEngine() {
        JexlFeatures features = new JexlFeatures()
                .methodCall(false).newInstance(false).loops(false).lambda(false)
                .sideEffect(false).sideEffectGlobal(false).localVar(false)
                .structuredLiteral(false).pragma(false).annotation(false).importPragma(false)
                .arrayReferenceExpr(false).script(false);
        Map<String, Object> namespaces = new HashMap<>();
        namespaces.put(null, FormulaFunctions.class);
        return new JexlBuilder()
                .features(features)
                .permissions(JexlPermissions.RESTRICTED.compose(FormulaFunctions.class.getPackageName() + ".*"))
                .namespaces(namespaces)
                .arithmetic(new DecimalArithmetic())
                .strict(true).silent(false).safe(false)
                .cache(512)
                .create();
    }

    @Override public String toString() { return text; }

    /** A formula that could not be evaluated for this unit (division by zero, wrong result type). */
    public static final class FormulaException extends RuntimeException {
        public FormulaException(String message) { super(message); }
    }
}
