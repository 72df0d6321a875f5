package cn.sanbao.testsupport;

import java.util.Locale;

/**
 * The database a test JVM runs the {@link BothDatabases} tests on, chosen by the system property
 * {@value #PROPERTY} ({@code h2} by default). The build runs the tests twice (pom.xml, surefire): once on H2
 * with everything else, once more on PostgreSQL with only the classes marked {@link BothDatabases}.
 */
public enum TestDatabase {
    H2("H2"),
    POSTGRES("PostgreSQL");

    public static final String PROPERTY = "sanbao.test.database";

    private final String productName;

    TestDatabase(String productName) {
        this.productName = productName;
    }

    /** What JDBC reports as the database product name. */
    public String productName() {
        return productName;
    }

    public static TestDatabase selected() {
        return parse(System.getProperty(PROPERTY, "h2"));
    }

    static TestDatabase parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "h2" -> H2;
            case "postgres", "postgresql" -> POSTGRES;
            default -> throw new IllegalArgumentException(
                    "未知的测试数据库 " + PROPERTY + "=" + value + "（可选 h2 或 postgres）");
        };
    }
}
