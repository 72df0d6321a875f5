package cn.sanbao.projects.library;

/** Budget project category (项目类别). */
public enum Category {
    PERSONNEL("人员类"), RUNNING("运转类"), SPECIFIC("特定目标类");

    private final String label;

    Category(String label) { this.label = label; }

    public String label() { return label; }

    public static Category parse(String text) {
        for (Category c : values()) if (c.name().equalsIgnoreCase(text) || c.label.equals(text)) return c;
        return null;
    }
}
