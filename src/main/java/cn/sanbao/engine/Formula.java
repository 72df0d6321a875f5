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
    private static final Set<String> FUNCTIONS = Set.of("max", "min", "abs", "round", "floor", "ceil");
    /** has(x): whether the unit has a value for x; rewritten to a variable so a missing x is not an error. */
    private static final Pattern HAS = Pattern.compile("(?<![A-Za-z0-9_.])has\\s*\\(\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\)");
    /** Prefix of the variable has(x) is rewritten to; reserved, so no data item can be called so. */
    public static final String HAS_PREFIX = "has__";
    /** Name under which formulas read the unit's attributes: unit.kind, unit.民族地区. */
    public static final String UNIT = "unit";
    /** unit.NAME, NAME in any script (民族地区); rewritten to a plain variable because JEXL names are ASCII. */
    private static final Pattern UNIT_ATTRIBUTE = Pattern.compile("(?<![A-Za-z0-9_.])unit\\s*\\.\\s*([\\p{L}_][\\p{L}\\p{N}_]*)");
    private static final String UNIT_PREFIX = "unit__";
    /** A null literal: missing data is never null in a formula, so comparing with it never takes effect. */
    private static final Pattern NULL = Pattern.compile("(?<![A-Za-z0-9_.])null(?![A-Za-z0-9_])");
    private static final String ALLOWED = "只允许四则运算、比较、逻辑运算和 max/min/abs/round/floor/ceil/has 函数";
    private static final Set<String> WORD_OPERATORS = Set.of("and", "or", "not", "eq", "ne", "lt", "le", "gt", "ge", "div", "mod");
    private static final Pattern STRING_LITERAL = Pattern.compile("'[^']*'|\"[^\"]*\"|`[^`]*`");

    private final String text;
    private final JexlScript script;
    private final Set<String> variables;
    private final Set<String> presenceChecks;
    /** Attribute names by the variable they were rewritten to. */
    private final Map<String, String> unitAttributes;
    private final Set<String> attributeNames;

    private Formula(String text, JexlScript script, Set<String> variables, Set<String> presenceChecks, Map<String, String> unitAttributes) {
        this.text = text;
        this.script = script;
        this.variables = variables;
        this.presenceChecks = presenceChecks;
        this.unitAttributes = unitAttributes;
        this.attributeNames = Set.copyOf(unitAttributes.values());
    }

    /** Compiles a formula; a syntax error or forbidden construct throws with a Chinese message. */
    public static Formula compile(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("公式为空");
        Map<String, String> attributes = new HashMap<>();
        String source = outsideLiterals(text.trim(), part -> {
            String out = HAS.matcher(part).replaceAll(HAS_PREFIX + "$1");
            Matcher m = UNIT_ATTRIBUTE.matcher(out);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String variable = UNIT_PREFIX + m.group(1).codePoints().mapToObj(Integer::toHexString).collect(java.util.stream.Collectors.joining("_"));
                attributes.put(variable, m.group(1));
                m.appendReplacement(sb, variable);
            }
            return m.appendTail(sb).toString();
        });
        String code = STRING_LITERAL.matcher(source).replaceAll("''");
        if (BITWISE.matcher(code).find())
            throw new IllegalArgumentException("公式“" + text.trim() + "”使用了位运算符（^ & | ~ << >>），公式中不支持；注意 ^ 不是乘方");
        if (NULL.matcher(code).find())
            throw new IllegalArgumentException("公式“" + text.trim() + "”与 null 比较：缺失的数据不是 null，这样的条件永远不会成立。"
                    + "请改用 has(x) 判断数据是否存在，或在 inputs 中为该数据项写缺失处理（missing: zero 或 missing: { value: … }）");
        try {
            JexlScript script = JEXL.createScript(source);
            Set<String> vars = new LinkedHashSet<>();
            Set<String> checks = new LinkedHashSet<>();
            for (List<String> path : script.getVariables()) {
                if (path.size() == 1 && attributes.containsKey(path.get(0))) continue;
                if (path.get(0).equals(UNIT) || path.get(0).startsWith(UNIT_PREFIX))
                    throw new IllegalArgumentException("公式“" + text.trim() + "”中的 unit 只能写成“unit.属性名”，如 unit.kind");
                else if (path.size() > 1)
                    throw new IllegalArgumentException("公式“" + text.trim() + "”读取了属性“" + String.join(".", path)
                            + "”，公式中不允许访问属性（" + ALLOWED + "；单位属性写作 unit.属性名）");
                else if (path.get(0).startsWith(HAS_PREFIX)) checks.add(path.get(0).substring(HAS_PREFIX.length()));
                else vars.add(path.get(0));
            }
            Matcher call = CALL.matcher(code);
            while (call.find())
                if (!FUNCTIONS.contains(call.group(1)) && !WORD_OPERATORS.contains(call.group(1)))
                    throw new IllegalArgumentException("公式“" + text.trim() + "”调用了未知函数“" + call.group(1)
                            + "”，只能使用 max、min、abs、round、floor、ceil、has");
            return new Formula(text.trim(), script, Set.copyOf(vars), Set.copyOf(checks), Map.copyOf(attributes));
        } catch (JexlException.Feature e) {
            throw new IllegalArgumentException("公式“" + text.trim() + "”使用了不允许的写法（" + ALLOWED + "）");
        } catch (JexlException e) {
            throw new IllegalArgumentException("公式“" + text.trim() + "”语法错误：" + shortMessage(e));
        }
    }

    public String text() { return text; }

    /** Names the formula reads: data items, derived values, indicator codes or T. */
    public Set<String> variables() { return variables; }

    /** Names the formula asks about with has(x); a missing one is an answer (false), not missing data. */
    public Set<String> presenceChecks() { return presenceChecks; }

    /** Unit attributes the formula reads (unit.kind → kind). */
    public Set<String> unitAttributes() { return attributeNames; }

    /** Applies {@code change} to the text outside quoted literals, so '县' or 'has(x)' in quotes stay as written. */
    private static String outsideLiterals(String text, java.util.function.UnaryOperator<String> change) {
        StringBuilder out = new StringBuilder();
        Matcher lit = STRING_LITERAL.matcher(text);
        int at = 0;
        while (lit.find()) {
            out.append(change.apply(text.substring(at, lit.start()))).append(lit.group());
            at = lit.end();
        }
        return out.append(change.apply(text.substring(at))).toString();
    }

    /**
     * Evaluates with the given values (all referenced variables must be present; callers check for
     * missing ones first so they can say which are missing).
     */
    @SuppressWarnings("unchecked")
    public Object evaluate(Map<String, ?> values) {
        // No copy: the sandbox forbids assignment, so a formula cannot change the caller's map.
        MapContext ctx = presenceChecks.isEmpty() && unitAttributes.isEmpty() ? new MapContext((Map<String, Object>) values)
                : new MapContext((Map<String, Object>) values) {
            @Override public Object get(String name) {
                if (name.startsWith(HAS_PREFIX)) return values.containsKey(name.substring(HAS_PREFIX.length()));
                if (unitAttributes.containsKey(name))
                    return values.get(UNIT) instanceof Map<?, ?> unit ? unit.get(unitAttributes.get(name)) : null;
                return super.get(name);
            }

            @Override public boolean has(String name) {
                return name.startsWith(HAS_PREFIX) || unitAttributes.containsKey(name) || super.has(name);
            }
        };
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
        if (r == null) throw new FormulaException("条件“" + text + "”无法判断：读取的单位属性没有值");
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
