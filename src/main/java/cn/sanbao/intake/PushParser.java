package cn.sanbao.intake;

import cn.sanbao.kernel.Period;
import cn.sanbao.shared.Decimals;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the push body {"period": "2021-03", "amountUnit": "元", "units": [{"unitCode": "640422",
 * "values": {"cash_balance": 1234.56}}]} into a {@link Submission}; locations are JSON paths.
 */
final class PushParser {

    static final String SOURCE = "推送数据";
    // decimals read as BigDecimal: a double would already have lost digits of a large amount
    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private PushParser() {
    }

    static JsonNode tree(String body) {
        try {
            JsonNode n = JSON.readTree(body == null ? "" : body);
            if (n == null || !n.isObject()) throw new IllegalStateException();
            return n;
        } catch (RuntimeException e) {
            throw IntakeRejectedException.of(SOURCE, Location.json("$"), "请求体不是有效的 JSON 对象");
        }
    }

    /** Whitespace- and order-insensitive form of the body, so a retry that re-serialises the same data matches. */
    static String canonical(JsonNode n) {
        return JSON.writer().with(tools.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .writeValueAsString(JSON.convertValue(n, Object.class));
    }

    static Submission parse(JsonNode root) {
        List<Finding> problems = new ArrayList<>();
        Period period = null;
        JsonNode p = root.get("period");
        if (p == null || !p.isString()) {
            problems.add(Finding.at(SOURCE, Location.json("$.period"), "缺少期间（如 \"2021-03\"）"));
        } else {
            try {
                period = Period.parse(p.asString());
            } catch (IllegalArgumentException e) {
                problems.add(Finding.at(SOURCE, Location.json("$.period"), e.getMessage()));
            }
        }
        AmountUnit unit = AmountUnit.YUAN;
        JsonNode u = root.get("amountUnit");
        if (u != null && !u.isNull()) {
            unit = u.isString() ? AmountUnit.parse(u.asString()) : null;
            if (unit == null) problems.add(Finding.at(SOURCE, Location.json("$.amountUnit"), "金额单位应为“元”或“万元”"));
        }
        List<Submission.UnitRow> rows = new ArrayList<>();
        JsonNode units = root.get("units");
        if (units == null || !units.isArray() || units.isEmpty()) {
            problems.add(Finding.at(SOURCE, Location.json("$.units"), "缺少单位数据（units 数组）"));
        } else {
            for (int i = 0; i < units.size(); i++) {
                String path = "$.units[" + i + "]";
                JsonNode row = units.get(i);
                JsonNode code = row.get("unitCode");
                if (code == null || !code.isString() || code.asString().isBlank()) {
                    problems.add(Finding.at(SOURCE, Location.json(path + ".unitCode"), "缺少单位代码"));
                    continue;
                }
                JsonNode values = row.get("values");
                if (values == null || !values.isObject()) {
                    problems.add(Finding.at(SOURCE, Location.json(path + ".values"), "缺少数值（values 对象）"));
                    continue;
                }
                List<Submission.Entry> entries = new ArrayList<>();
                for (Map.Entry<String, JsonNode> e : values.properties()) {
                    Location at = Location.json(path + ".values." + e.getKey());
                    if (e.getValue().isNull()) continue;
                    try {
                        entries.add(new Submission.Entry(at, e.getKey(), number(e.getValue())));
                    } catch (Decimals.Invalid invalid) {
                        problems.add(Finding.at(SOURCE, at, invalid.getMessage()));
                    }
                }
                rows.add(new Submission.UnitRow(Location.json(path + ".unitCode"), code.asString().trim(), entries));
            }
        }
        return new Submission(SOURCE, period, Location.json("$.period"), unit, rows, problems);
    }

    private static BigDecimal number(JsonNode n) {
        if (n.isNumber()) {
            BigDecimal v = n.decimalValue();
            return Decimals.bounded(v, v.toString()); // toString keeps 1E+999999999 short
        }
        if (n.isString()) return Decimals.parse(n.asString());
        throw new Decimals.Invalid("不是数字：" + Decimals.quote(n.toString()));
    }
}
