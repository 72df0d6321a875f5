package cn.sanbao.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/** What an edit changed, field by field, for the audit log and version history: "名称：甲 → 乙；金额：1 → 2". */
public final class FieldChanges {

    private FieldChanges() {
    }

    /** Fields in {@code order} whose text differs; {@code label} names a field for people. Empty when nothing changed. */
    public static String describe(List<String> order, Map<String, String> before, Map<String, String> after,
                                  UnaryOperator<String> label) {
        List<String> parts = new ArrayList<>();
        for (String f : order) {
            String a = text(before.get(f)), b = text(after.get(f));
            if (!Objects.equals(a, b)) parts.add(label.apply(f) + "：" + shown(a) + " → " + shown(b));
        }
        return String.join("；", parts);
    }

    private static String text(String s) {
        return s == null ? "" : s.trim();
    }

    private static String shown(String s) {
        return s.isEmpty() ? "（空）" : s;
    }
}
